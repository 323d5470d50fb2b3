import { colour, size as sizes } from "./palette";
import { Bar, centreBaseline, Txt } from "./shapes";
import { textWidth } from "./text";

export type MenuBarItem = { readonly label: string; readonly x: number; readonly w: number };

/** Positions the labels of a menu bar from left to right. */
export function layoutMenuBar(labels: readonly string[], x0: number, gap = 8, fontSize: number = sizes.ui): MenuBarItem[] {
  const items: MenuBarItem[] = [];
  let x = x0;
  for (const label of labels) {
    const w = Math.ceil(textWidth(label, fontSize)) + 14;
    items.push({ label, x, w });
    x += w + gap;
  }
  return items;
}

type MenuBarProps = {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly items: readonly MenuBarItem[];
  readonly openLabel?: string;
};

export const menuBarHeight = 28;

export function MenuBar({ x, y, w, items, openLabel }: MenuBarProps) {
  return (
    <g>
      <rect x={x} y={y} width={w} height={menuBarHeight} fill={colour.panel} />
      <path d={`M ${x} ${y + menuBarHeight} H ${x + w}`} stroke={colour.faint} />
      {items.map((item) => (
        <g key={item.label}>
          {item.label === openLabel ? <rect x={item.x} y={y + 2} width={item.w} height={menuBarHeight - 4} rx={3} fill={colour.accentSoft} /> : null}
          <Txt x={item.x + 7} y={centreBaseline(y, menuBarHeight, sizes.ui)} weight={item.label === openLabel ? 600 : 400}>
            {item.label}
          </Txt>
        </g>
      ))}
    </g>
  );
}

/** A menu entry: a real label, a grey bar standing in for an entry we do not name, or a separator. */
export type MenuEntry =
  | { readonly kind: "item"; readonly label: string; readonly submenu?: boolean }
  | { readonly kind: "bar"; readonly width: number }
  | { readonly kind: "separator" };

export const menuItemHeight = 28;
const separatorHeight = 9;

export function menuHeight(entries: readonly MenuEntry[]): number {
  return entries.reduce((h, e) => h + (e.kind === "separator" ? separatorHeight : menuItemHeight), 8);
}

/** Top of entry `index` relative to the menu's top. */
export function menuEntryTop(entries: readonly MenuEntry[], index: number): number {
  let top = 4;
  entries.slice(0, index).forEach((e) => {
    top += e.kind === "separator" ? separatorHeight : menuItemHeight;
  });
  return top;
}

type MenuProps = {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly entries: readonly MenuEntry[];
  /** Index of the entry to show as selected (hovered). */
  readonly selected?: number;
};

/** A drop-down or context menu. Pair with `Highlight` at `menuEntryTop` to ring an entry. */
export function Menu({ x, y, w, entries, selected }: MenuProps) {
  return (
    <g>
      <rect x={x + 2} y={y + 3} width={w} height={menuHeight(entries)} rx={5} fill="#000000" opacity={0.14} />
      <rect x={x} y={y} width={w} height={menuHeight(entries)} rx={5} fill={colour.surface} stroke={colour.line} strokeWidth={1.2} />
      {entries.map((entry, i) => {
        const top = y + menuEntryTop(entries, i);
        const key = `${i}-${entry.kind}`;
        if (entry.kind === "separator") {
          return <path key={key} d={`M ${x + 8} ${top + separatorHeight / 2} H ${x + w - 8}`} stroke={colour.faint} />;
        }
        if (entry.kind === "bar") {
          return <Bar key={key} x={x + 14} y={top + menuItemHeight / 2 - 4} w={entry.width} />;
        }
        const isSelected = i === selected;
        return (
          <g key={key}>
            {isSelected ? <rect x={x + 3} y={top + 1} width={w - 6} height={menuItemHeight - 2} rx={3} fill={colour.accentSoft} /> : null}
            <Txt x={x + 14} y={centreBaseline(top, menuItemHeight, sizes.ui)} weight={isSelected ? 700 : 400}>
              {entry.label}
            </Txt>
            {entry.submenu === true ? (
              <path
                d={`M ${x + w - 16} ${top + menuItemHeight / 2 - 5} l 5 5 l -5 5`}
                fill="none"
                stroke={colour.ink}
                strokeWidth={1.8}
                strokeLinejoin="round"
                aria-hidden="true"
              />
            ) : null}
          </g>
        );
      })}
    </g>
  );
}
