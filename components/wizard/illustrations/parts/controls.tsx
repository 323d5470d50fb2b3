import { colour, monoFamily, size as sizes } from "./palette";
import { centreBaseline, Txt } from "./shapes";
import { fitEnd } from "./text";

type ButtonProps = {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h?: number;
  readonly label: string;
  readonly primary?: boolean;
};

export function Button({ x, y, w, h = 30, label, primary = false }: ButtonProps) {
  return (
    <g>
      <rect
        x={x}
        y={y}
        width={w}
        height={h}
        rx={4}
        fill={primary ? colour.primary : colour.panel}
        stroke={primary ? colour.primary : colour.line}
        strokeWidth={1.2}
      />
      <Txt x={x + w / 2} y={centreBaseline(y, h, sizes.ui)} anchor="middle" weight={600} fill={primary ? colour.onDark : colour.ink}>
        {fitEnd(label, w - 10, sizes.ui, false, true)}
      </Txt>
    </g>
  );
}

type FieldProps = {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h?: number;
  readonly value?: string;
  /** Draws this many password dots instead of a value. */
  readonly dots?: number;
  readonly dropdown?: boolean;
  readonly mono?: boolean;
  readonly size?: number;
};

/** Text box, password box (dots) or drop-down (chevron). */
export function Field({ x, y, w, h = 32, value, dots, dropdown = false, mono = false, size = sizes.ui }: FieldProps) {
  const textRoom = w - 20 - (dropdown ? 26 : 0);
  const cy = y + h / 2;
  return (
    <g>
      <rect x={x} y={y} width={w} height={h} rx={3} fill={colour.surface} stroke={colour.line} strokeWidth={1.2} />
      {value !== undefined ? (
        <text x={x + 9} y={centreBaseline(y, h, size)} fontSize={size} fill={colour.ink} fontFamily={mono ? monoFamily : undefined}>
          {fitEnd(value, textRoom, size, mono)}
        </text>
      ) : null}
      {dots !== undefined ? (
        <g fill={colour.ink} aria-hidden="true">
          {Array.from({ length: dots }, (_, i) => (
            <circle key={i} cx={x + 14 + i * 13} cy={cy} r={4} />
          ))}
        </g>
      ) : null}
      {dropdown ? (
        <g aria-hidden="true">
          <path d={`M ${x + w - 26} ${y + 5} V ${y + h - 5}`} stroke={colour.faint} strokeWidth={1} />
          <path d={`M ${x + w - 18} ${cy - 3} l 5 5 l 5 -5`} fill="none" stroke={colour.ink} strokeWidth={1.8} strokeLinejoin="round" />
        </g>
      ) : null}
    </g>
  );
}

type LabelledFieldProps = FieldProps & { readonly label: string };

/** Field with its label above it; occupies 20 units of label plus the field height. */
export function LabelledField({ label, ...field }: LabelledFieldProps) {
  return (
    <g>
      <Txt x={field.x} y={field.y - 7} size={sizes.small} weight={600} fill={colour.muted}>
        {label}
      </Txt>
      <Field {...field} />
    </g>
  );
}
