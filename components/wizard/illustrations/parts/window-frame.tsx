import { colour, size } from "./palette";
import { Txt } from "./shapes";
import { fitEnd } from "./text";

export const titleBarHeight = 30;

type Tone = "sage" | "connector" | "dialog";

const barFill: Record<Tone, string> = {
  sage: colour.sageBar,
  connector: colour.connectorBar,
  dialog: colour.dialogBar,
};

type WindowFrameProps = {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly title: string;
  readonly tone: Tone;
  /** Dialogs only have a close button. */
  readonly controls?: "all" | "close";
};

/** A Windows-style window: shadow, frame, coloured title bar with title and caption buttons. */
export function WindowFrame({ x, y, w, h, title, tone, controls = "all" }: WindowFrameProps) {
  const r = 7;
  const fg = tone === "dialog" ? colour.ink : colour.onDark;
  const buttonsWidth = controls === "all" ? 96 : 34;
  const top = `M ${x} ${y + titleBarHeight} V ${y + r} A ${r} ${r} 0 0 1 ${x + r} ${y} H ${x + w - r} A ${r} ${r} 0 0 1 ${x + w} ${y + r} V ${y + titleBarHeight} Z`;
  const cy = y + titleBarHeight / 2;
  const closeX = x + w - 20;
  return (
    <g>
      <rect x={x + 2} y={y + 3} width={w} height={h} rx={r} fill="#000000" opacity={0.12} />
      <rect x={x} y={y} width={w} height={h} rx={r} fill={colour.surface} stroke={colour.line} strokeWidth={1.2} />
      <path d={top} fill={barFill[tone]} />
      <Txt x={x + 12} y={cy + size.title * 0.35} size={size.title} weight={600} fill={fg}>
        {fitEnd(title, w - buttonsWidth - 20, size.title, false, true)}
      </Txt>
      <g stroke={fg} strokeWidth={1.6} fill="none" aria-hidden="true">
        {controls === "all" ? (
          <>
            <path d={`M ${closeX - 66} ${cy} h 11`} />
            <rect x={closeX - 38} y={cy - 5} width={10} height={10} />
          </>
        ) : null}
        <path d={`M ${closeX - 5} ${cy - 5} l 10 10 M ${closeX + 5} ${cy - 5} l -10 10`} />
      </g>
      <path d={`M ${x} ${y + titleBarHeight} H ${x + w}`} stroke={colour.line} strokeWidth={1} />
    </g>
  );
}
