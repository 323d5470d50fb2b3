import type { ReactNode } from "react";

import { canvasWidth, colour, fontFamily, size } from "./palette";

type IllustrationSvgProps = {
  readonly height: number;
  /** Describes the screen in words for screen-reader users (the picture is one image). */
  readonly label: string;
  readonly className?: string | undefined;
  readonly children: ReactNode;
};

/**
 * Root of every illustration: one `role="img"` element with a spoken description, a fixed
 * 400-unit-wide viewBox and `width="100%"` so it scales to its container; the height follows
 * from the viewBox's aspect ratio. `width` is a presentation attribute, so a className
 * (e.g. `w-80`, `max-w-md`) can still size it.
 */
export function IllustrationSvg({ height, label, className, children }: IllustrationSvgProps) {
  return (
    <svg
      role="img"
      aria-label={label}
      viewBox={`0 0 ${canvasWidth} ${height}`}
      width="100%"
      display="block"
      preserveAspectRatio="xMidYMin meet"
      className={className}
      fontFamily={fontFamily}
      fontSize={size.ui}
      fill={colour.ink}
      xmlns="http://www.w3.org/2000/svg"
    >
      <rect x={0} y={0} width={canvasWidth} height={height} rx={10} fill={colour.panel} />
      {children}
    </svg>
  );
}
