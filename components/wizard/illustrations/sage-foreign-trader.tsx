import { Highlight } from "./parts/highlight";
import { IllustrationSvg } from "./parts/illustration-svg";
import { layoutMenuBar, Menu, MenuBar, menuBarHeight, menuEntryTop, menuItemHeight, type MenuEntry } from "./parts/menus";
import { colour, size } from "./parts/palette";
import { Bars, NoteBox, WrappedText, wrappedLineCount } from "./parts/shapes";
import type { IllustrationProps } from "./parts/types";
import { titleBarHeight, WindowFrame } from "./parts/window-frame";

const menuLabels = ["File", "View", "Modules", "Settings", "Tools", "Help"] as const;

const toolsEntries: readonly MenuEntry[] = [
  { kind: "bar", width: 90 },
  { kind: "bar", width: 110 },
  { kind: "bar", width: 70 },
  { kind: "separator" },
  { kind: "item", label: "Activation", submenu: true },
  { kind: "bar", width: 80 },
];
const activationIndex = 4;

const activationEntries: readonly MenuEntry[] = [
  { kind: "bar", width: 120 },
  { kind: "item", label: "Enable Foreign Trader" },
  { kind: "bar", width: 100 },
];
const enableIndex = 1;

const note =
  "Foreign Trader comes with Sage 50 Professional; other editions need it added to the Sage plan first. " +
  "Currencies are then set up under Settings\u00a0>\u00a0Currencies.";

const label =
  "Sage 50 Accounts with the Tools menu open. Step 1: Tools in the menu bar. Step 2: Activation, which opens a submenu. " +
  `Step 3: Enable Foreign Trader in that submenu. Note: ${note}`;

export function SageForeignTrader({ className }: IllustrationProps) {
  const win = { x: 10, y: 10, w: 380, h: 250 };
  const barY = win.y + titleBarHeight;
  const bar = layoutMenuBar(menuLabels, win.x + 6, 4);
  const tools = bar.find((item) => item.label === "Tools") ?? { label: "Tools", x: 271, w: 54 };
  const menuW = 160;
  const menuX = Math.min(tools.x, win.x + win.w - menuW - 4);
  const menuY = barY + menuBarHeight;
  const activationTop = menuY + menuEntryTop(toolsEntries, activationIndex);
  const subW = 214;
  const subX = menuX - subW + 6;
  const subY = activationTop - 4;
  const enableTop = subY + menuEntryTop(activationEntries, enableIndex);

  const noteY = win.y + win.h + 16;
  const noteH = 20 + wrappedLineCount(note, win.w - 56, size.small) * 19;

  return (
    <IllustrationSvg height={noteY + noteH + 10} label={label} className={className}>
      <WindowFrame x={win.x} y={win.y} w={win.w} h={win.h} title="Sage 50 Accounts" tone="sage" />
      <MenuBar x={win.x + 1} y={barY} w={win.w - 2} items={bar} openLabel="Tools" />
      <rect x={win.x + 1} y={menuY + 1} width={104} height={win.h - titleBarHeight - menuBarHeight - 2} fill={colour.panel} />
      <Bars x={win.x + 14} y={menuY + 18} widths={[70, 58, 76, 52, 64, 48, 60]} gap={24} />
      <rect x={win.x + 120} y={menuY + 14} width={win.w - 134} height={70} rx={4} fill="none" stroke={colour.faint} />
      <rect x={win.x + 120} y={menuY + 96} width={win.w - 134} height={70} rx={4} fill="none" stroke={colour.faint} />
      <Menu x={menuX} y={menuY} w={menuW} entries={toolsEntries} selected={activationIndex} />
      <Menu x={subX} y={subY} w={subW} entries={activationEntries} selected={enableIndex} />
      <Highlight x={tools.x} y={barY + 2} w={tools.w} h={menuBarHeight - 4} n={1} side="bottom-left" pad={2} />
      <Highlight x={menuX + 3} y={activationTop + 1} w={menuW - 6} h={menuItemHeight - 2} n={2} side="left" pad={2} />
      <Highlight x={subX + 3} y={enableTop + 1} w={subW - 6} h={menuItemHeight - 2} n={3} side="left" pad={2} />

      <NoteBox x={win.x} y={noteY} w={win.w} h={noteH} tone="info">
        <WrappedText x={win.x + 44} y={noteY + 27} width={win.w - 56} text={note} size={size.small} lineHeight={19} />
      </NoteBox>
    </IllustrationSvg>
  );
}
