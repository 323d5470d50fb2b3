import { Highlight } from "./parts/highlight";
import { IllustrationSvg } from "./parts/illustration-svg";
import { Menu, menuEntryTop, menuHeight, menuItemHeight, type MenuEntry } from "./parts/menus";
import { colour, size } from "./parts/palette";
import { NoteBox, Txt, WrappedText, wrappedLineCount } from "./parts/shapes";
import type { IllustrationProps } from "./parts/types";

const note = "Can't see the icon? Click the ^ arrow next to the clock to show hidden icons.";

const entries: readonly MenuEntry[] = [
  { kind: "item", label: "Open Sage 50 connector" },
  { kind: "separator" },
  { kind: "bar", width: 110 },
  { kind: "bar", width: 80 },
];

const label =
  "Bottom-right corner of the Windows desktop. Step 1: right-click the Sage 50 connector icon in the notification area, " +
  "next to the clock. Step 2: in the menu that opens, click Open Sage 50 connector. " +
  note.replace("^", "up");

/** Connector tray icon: our own drawing, a blue tile with two sync arrows. */
function ConnectorIcon({ x, y }: { readonly x: number; readonly y: number }) {
  return (
    <g aria-hidden="true">
      <rect x={x} y={y} width={20} height={20} rx={4} fill="#2563eb" />
      <path d={`M ${x + 5} ${y + 8} h 9 l -3 -3 M ${x + 15} ${y + 12} h -9 l 3 3`} fill="none" stroke={colour.onDark} strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" />
    </g>
  );
}

export function TrayOpenConnector({ className }: IllustrationProps) {
  const noteH = 20 + wrappedLineCount(note, 380 - 56, size.small) * 19;
  const desk = { x: 10, y: 10 + noteH + 12, w: 380, h: 210 };
  const barH = 46;
  const barY = desk.y + desk.h;
  const iconCy = barY + barH / 2;
  const clockX = desk.x + desk.w - 12;
  const icon = { x: desk.x + desk.w - 166, y: iconCy - 10 };
  const menuW = 232;
  const menuX = desk.x + desk.w - menuW - 10;
  const menuY = barY - menuHeight(entries) - 10;
  const openTop = menuY + menuEntryTop(entries, 0);

  return (
    <IllustrationSvg height={barY + barH + 10} label={label} className={className}>
      <NoteBox x={10} y={10} w={380} h={noteH} tone="info">
        <WrappedText x={54} y={37} width={380 - 56} text={note} size={size.small} lineHeight={19} />
      </NoteBox>

      {/* Desktop and taskbar */}
      <path d={`M ${desk.x} ${barY} V ${desk.y + 8} a 8 8 0 0 1 8 -8 H ${desk.x + desk.w - 8} a 8 8 0 0 1 8 8 V ${barY} Z`} fill={colour.desktop} />
      <rect x={desk.x + 18} y={desk.y + 18} width={44} height={40} rx={4} fill={colour.surface} opacity={0.7} />
      <rect x={desk.x + 18} y={desk.y + 76} width={44} height={40} rx={4} fill={colour.surface} opacity={0.7} />
      <path d={`M ${desk.x} ${barY} H ${desk.x + desk.w} V ${barY + barH - 8} a 8 8 0 0 1 -8 8 H ${desk.x + 8} a 8 8 0 0 1 -8 -8 Z`} fill={colour.taskbar} />
      <g aria-hidden="true">
        {[0, 1, 2, 3].map((i) => (
          <rect key={i} x={desk.x + 22 + i * 36} y={iconCy - 11} width={22} height={22} rx={4} fill="#6b7280" />
        ))}
      </g>
      {/* Notification area: hidden-icons arrow, connector icon, network, sound, clock */}
      <path d={`M ${desk.x + desk.w - 200} ${iconCy + 3} l 6 -6 l 6 6`} fill="none" stroke={colour.onDark} strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" />
      <ConnectorIcon x={icon.x} y={icon.y} />
      <g stroke={colour.onDark} strokeWidth={1.8} fill="none" strokeLinecap="round" aria-hidden="true">
        <path d={`M ${icon.x + 34} ${iconCy + 2} a 8 8 0 0 1 14 0 M ${icon.x + 37} ${iconCy + 5} a 4 4 0 0 1 8 0`} />
        <path d={`M ${icon.x + 58} ${iconCy - 3} h 4 l 5 -5 v 16 l -5 -5 h -4 Z`} />
      </g>
      <Txt x={clockX} y={iconCy - 3} size={size.small} fill={colour.onDark} anchor="end">
        10:42
      </Txt>
      <Txt x={clockX} y={iconCy + 14} size={size.small} fill={colour.onDark} anchor="end">
        14/05/2025
      </Txt>

      <Menu x={menuX} y={menuY} w={menuW} entries={entries} selected={0} />
      <Highlight x={menuX + 3} y={openTop + 1} w={menuW - 6} h={menuItemHeight - 2} n={2} side="left" pad={2} />
      <Highlight x={icon.x} y={icon.y} w={20} h={20} n={1} side="top-left" pad={5} />
    </IllustrationSvg>
  );
}
