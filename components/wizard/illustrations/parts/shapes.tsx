import type { ReactNode } from "react";

import { colour, monoFamily, size as sizes } from "./palette";
import { wrapText } from "./text";

type TextProps = {
  readonly x: number;
  /** Baseline. */
  readonly y: number;
  readonly children: string;
  readonly size?: number;
  readonly weight?: 400 | 600 | 700;
  readonly fill?: string;
  readonly anchor?: "start" | "middle" | "end";
  readonly mono?: boolean;
};

export function Txt({ x, y, children, size = sizes.ui, weight = 400, fill = colour.ink, anchor = "start", mono = false }: TextProps) {
  return (
    <text
      x={x}
      y={y}
      fontSize={size}
      fontWeight={weight}
      fill={fill}
      textAnchor={anchor}
      fontFamily={mono ? monoFamily : undefined}
    >
      {children}
    </text>
  );
}

/** Baseline that vertically centres text of `fontSize` in a box starting at `top` of height `h`. */
export function centreBaseline(top: number, h: number, fontSize: number): number {
  return top + h / 2 + fontSize * 0.35;
}

type WrappedTextProps = {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly text: string;
  readonly size?: number;
  readonly lineHeight?: number;
  readonly weight?: 400 | 600 | 700;
  readonly fill?: string;
};

/** Word-wrapped text; returns nothing else, use `wrappedHeight` to lay out below it. */
export function WrappedText({ x, y, width, text, size = sizes.ui, lineHeight, weight = 400, fill = colour.ink }: WrappedTextProps) {
  const lh = lineHeight ?? Math.round(size * 1.35);
  return (
    <text x={x} y={y} fontSize={size} fontWeight={weight} fill={fill}>
      {wrapText(text, width, size, false, weight >= 600).map((line, i) => (
        <tspan key={`${i}-${line}`} x={x} dy={i === 0 ? 0 : lh}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

export function wrappedLineCount(text: string, width: number, size: number = sizes.ui, bold = false): number {
  return wrapText(text, width, size, false, bold).length;
}

/** Grey bar standing in for text the client does not need to read. */
export function Bar({ x, y, w, h = 8 }: { readonly x: number; readonly y: number; readonly w: number; readonly h?: number }) {
  return <rect x={x} y={y} width={w} height={h} rx={h / 2} fill={colour.faint} />;
}

/** Several placeholder bars, one under the other. */
export function Bars({ x, y, widths, gap = 16 }: { readonly x: number; readonly y: number; readonly widths: readonly number[]; readonly gap?: number }) {
  return (
    <g aria-hidden="true">
      {widths.map((w, i) => (
        <Bar key={`${i}-${w}`} x={x} y={y + i * gap} w={w} />
      ))}
    </g>
  );
}

/** Downward arrow between two stacked panels ("then"). */
export function ThenArrow({ x, y, label = "then" }: { readonly x: number; readonly y: number; readonly label?: string }) {
  return (
    <g>
      <path d={`M ${x} ${y} v 18`} stroke={colour.muted} strokeWidth={2.5} />
      <path d={`M ${x - 7} ${y + 12} L ${x} ${y + 21} L ${x + 7} ${y + 12}`} fill="none" stroke={colour.muted} strokeWidth={2.5} strokeLinejoin="round" />
      <Txt x={x + 14} y={y + 15} size={sizes.small} fill={colour.muted} weight={600}>
        {label}
      </Txt>
    </g>
  );
}

type NoteBoxProps = {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly tone: "info" | "warn";
  readonly children: ReactNode;
};

/** Box for our own annotations (not part of the real screen). */
export function NoteBox({ x, y, w, h, tone, children }: NoteBoxProps) {
  const bg = tone === "warn" ? colour.warnBg : colour.infoBg;
  const line = tone === "warn" ? colour.warnLine : colour.infoLine;
  return (
    <g>
      <rect x={x} y={y} width={w} height={h} rx={8} fill={bg} stroke={line} strokeWidth={tone === "warn" ? 2.5 : 1.5} />
      {tone === "warn" ? <WarnIcon x={x + 12} y={y + 12} /> : <InfoIcon x={x + 12} y={y + 12} />}
      {children}
    </g>
  );
}

function WarnIcon({ x, y }: { readonly x: number; readonly y: number }) {
  return (
    <g aria-hidden="true">
      <path d={`M ${x + 11} ${y} L ${x + 22} ${y + 20} L ${x} ${y + 20} Z`} fill={colour.warnLine} strokeLinejoin="round" />
      <rect x={x + 10} y={y + 6} width={2.4} height={7.5} rx={1} fill={colour.onDark} />
      <circle cx={x + 11.2} cy={y + 16.5} r={1.5} fill={colour.onDark} />
    </g>
  );
}

function InfoIcon({ x, y }: { readonly x: number; readonly y: number }) {
  return (
    <g aria-hidden="true">
      <circle cx={x + 10} cy={y + 10} r={10} fill={colour.infoLine} />
      <rect x={x + 8.8} y={y + 8.5} width={2.4} height={7} rx={1} fill={colour.onDark} />
      <circle cx={x + 10} cy={y + 5.3} r={1.5} fill={colour.onDark} />
    </g>
  );
}

/** Top offsets of blocks of the given heights stacked with `gap` between them. */
export function stackOffsets(heights: readonly number[], gap: number): number[] {
  return heights.map((_, i) => heights.slice(0, i).reduce((sum, h) => sum + h + gap, 0));
}
