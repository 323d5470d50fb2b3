import { colour } from "./palette";

type BadgeProps = { readonly cx: number; readonly cy: number; readonly n: number };

/** Numbered step badge: white number on the accent colour (5.2:1). */
function Badge({ cx, cy, n }: BadgeProps) {
  return (
    <g>
      <circle cx={cx} cy={cy} r={12} fill={colour.accent} stroke={colour.surface} strokeWidth={2.5} />
      <text x={cx} y={cy + 5} textAnchor="middle" fontSize={14} fontWeight={700} fill={colour.onDark}>
        {String(n)}
      </text>
    </g>
  );
}

type HighlightProps = {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  /** Step number shown in the badge. */
  readonly n: number;
  /** Where the badge sits on the ring. */
  readonly side?: "left" | "right" | "top-left" | "top-right" | "bottom-left";
  readonly pad?: number;
};

/** Accent ring around the thing to click, with a numbered badge on its edge. */
export function Highlight({ x, y, w, h, n, side = "right", pad = 4 }: HighlightProps) {
  const rx = x - pad;
  const ry = y - pad;
  const rw = w + pad * 2;
  const rh = h + pad * 2;
  const badge = {
    left: { cx: rx, cy: ry + rh / 2 },
    right: { cx: rx + rw, cy: ry + rh / 2 },
    "top-left": { cx: rx + 2, cy: ry + 2 },
    "top-right": { cx: rx + rw - 2, cy: ry + 2 },
    "bottom-left": { cx: rx + 2, cy: ry + rh - 2 },
  }[side];
  return (
    <g>
      <rect x={rx} y={ry} width={rw} height={rh} rx={7} fill="none" stroke={colour.accent} strokeWidth={3} />
      <Badge cx={badge.cx} cy={badge.cy} n={n} />
    </g>
  );
}
