import { Button } from "./parts/controls";
import { Highlight } from "./parts/highlight";
import type { IllustrationProps } from "./parts/types";
import { IllustrationSvg } from "./parts/illustration-svg";
import { layoutMenuBar, Menu, MenuBar, menuBarHeight, menuEntryTop, menuItemHeight, type MenuEntry } from "./parts/menus";
import { colour, size } from "./parts/palette";
import { Bar, Bars, centreBaseline, ThenArrow, Txt } from "./parts/shapes";
import { titleBarHeight, WindowFrame } from "./parts/window-frame";

const label =
  "Sage 50 Accounts with the Settings menu open. Step 1: Settings in the menu bar. " +
  "Step 2: User Management, the last entry of the Settings menu. " +
  "Then the User Management window lists the users, for example MANAGER, an Administrator. " +
  "Step 3: the New button below the list.";

const menuLabels = ["File", "View", "Modules", "Settings", "Tools", "Help"] as const;

const settingsEntries: readonly MenuEntry[] = [
  { kind: "item", label: "Configuration" },
  { kind: "item", label: "Company Preferences" },
  { kind: "item", label: "Currencies" },
  { kind: "separator" },
  { kind: "item", label: "Change Password" },
  { kind: "item", label: "User Management" },
];
const userManagementIndex = 5;

export function SageUserManagement({ className }: IllustrationProps) {
  const win = { x: 10, y: 10, w: 380, h: 236 };
  const barY = win.y + titleBarHeight;
  const bar = layoutMenuBar(menuLabels, win.x + 6, 4);
  const settings = bar.find((item) => item.label === "Settings") ?? { label: "Settings", x: 195, w: 72 };
  const menuX = settings.x;
  const menuY = barY + menuBarHeight;
  const menuW = 182;
  const umTop = menuY + menuEntryTop(settingsEntries, userManagementIndex);

  const list = { x: 10, y: 282, w: 380, h: 214 };
  const tableX = list.x + 14;
  const tableW = list.w - 28;
  const headerY = list.y + titleBarHeight + 40;
  const rowH = 28;
  const buttonsY = headerY + 26 + rowH * 2 + 16;

  return (
    <IllustrationSvg height={list.y + list.h + 14} label={label} className={className}>
      {/* Panel 1: the Sage 50 main window with the Settings menu open */}
      <WindowFrame x={win.x} y={win.y} w={win.w} h={win.h} title="Sage 50 Accounts" tone="sage" />
      <MenuBar x={win.x + 1} y={barY} w={win.w - 2} items={bar} openLabel="Settings" />
      <rect x={win.x + 1} y={menuY + 1} width={104} height={win.h - titleBarHeight - menuBarHeight - 2} fill={colour.panel} />
      <Bars x={win.x + 14} y={menuY + 18} widths={[70, 58, 76, 52, 64, 48]} gap={24} />
      <rect x={win.x + 120} y={menuY + 14} width={win.w - 134} height={60} rx={4} fill="none" stroke={colour.faint} />
      <rect x={win.x + 120} y={menuY + 86} width={win.w - 134} height={60} rx={4} fill="none" stroke={colour.faint} />
      <Menu x={menuX} y={menuY} w={menuW} entries={settingsEntries} selected={userManagementIndex} />
      <Highlight x={settings.x} y={barY + 2} w={settings.w} h={menuBarHeight - 4} n={1} side="top-left" pad={2} />
      <Highlight x={menuX + 3} y={umTop + 1} w={menuW - 6} h={menuItemHeight - 2} n={2} side="left" pad={2} />

      <ThenArrow x={200} y={win.y + win.h + 4} />

      {/* Panel 2: the User Management window */}
      <WindowFrame x={list.x} y={list.y} w={list.w} h={list.h} title="User Management" tone="dialog" controls="close" />
      <Txt x={tableX} y={list.y + titleBarHeight + 26} size={size.heading} weight={700}>
        Users
      </Txt>
      <rect x={tableX} y={headerY} width={tableW} height={26 + rowH * 2} fill={colour.surface} stroke={colour.line} strokeWidth={1} />
      <rect x={tableX} y={headerY} width={tableW} height={26} fill={colour.panel} stroke={colour.line} strokeWidth={1} />
      <Txt x={tableX + 10} y={centreBaseline(headerY, 26, size.small)} size={size.small} weight={700} fill={colour.muted}>
        Username
      </Txt>
      <Txt x={tableX + 180} y={centreBaseline(headerY, 26, size.small)} size={size.small} weight={700} fill={colour.muted}>
        User type
      </Txt>
      <Txt x={tableX + 10} y={centreBaseline(headerY + 26, rowH, size.ui)}>MANAGER</Txt>
      <Txt x={tableX + 180} y={centreBaseline(headerY + 26, rowH, size.ui)}>Administrator</Txt>
      <path d={`M ${tableX} ${headerY + 26 + rowH} H ${tableX + tableW}`} stroke={colour.faint} />
      <Bar x={tableX + 10} y={headerY + 26 + rowH + 10} w={80} />
      <Bar x={tableX + 180} y={headerY + 26 + rowH + 10} w={70} />
      <Button x={tableX + 6} y={buttonsY} w={72} label="New" />
      <Button x={tableX + 92} y={buttonsY} w={72} label="Edit" />
      <Button x={tableX + 176} y={buttonsY} w={80} label="Delete" />
      <Highlight x={tableX + 6} y={buttonsY} w={72} h={30} n={3} side="left" />
    </IllustrationSvg>
  );
}
