import { Button, LabelledField } from "./parts/controls";
import { Highlight } from "./parts/highlight";
import { IllustrationSvg } from "./parts/illustration-svg";
import { colour, size } from "./parts/palette";
import { Bar, centreBaseline, ThenArrow, Txt } from "./parts/shapes";
import { fitEnd } from "./parts/text";
import { illustrationDefaults, type IllustrationProps } from "./parts/types";
import { titleBarHeight, WindowFrame } from "./parts/window-frame";

export function ConnectorManageConnection({
  className,
  pushUsername = illustrationDefaults.pushUsername,
  companyName = illustrationDefaults.companyName,
}: IllustrationProps) {
  const a = { x: 10, y: 10, w: 380, h: 222 };
  const ax = a.x + 14;
  const aw = a.w - 28;
  const rowY = a.y + titleBarHeight + 44;
  const rowH = 96;
  const manage = { x: ax + 12, y: rowY + 54, w: 176, h: 30 };

  const b = { x: 10, y: a.y + a.h + 30, w: 380, h: 280 };
  const bx = b.x + 14;
  const bw = b.w - 28;
  const userY = b.y + titleBarHeight + 88;
  const passY = userY + 62;
  const buttonsY = b.y + b.h - 44;
  const saveX = b.x + b.w - 14 - 96;

  const label =
    `Sage 50 connector window listing the connected company files, here ${companyName}, Linked. ` +
    "Step 1: click Manage connection for the company. The connection settings open with the saved Sage 50 login. " +
    `Step 2: replace the username with the push user's, here ${pushUsername}. ` +
    "Step 3: type the push user's password. Step 4: click Save.";

  return (
    <IllustrationSvg height={b.y + b.h + 14} label={label} className={className}>
      {/* Panel 1: company list */}
      <WindowFrame x={a.x} y={a.y} w={a.w} h={a.h} title="Sage 50 connector" tone="connector" />
      <Txt x={ax} y={a.y + titleBarHeight + 28} size={size.heading} weight={700}>
        Companies
      </Txt>
      <rect x={ax} y={rowY} width={aw} height={rowH} rx={6} fill={colour.panel} stroke={colour.faint} />
      <Txt x={ax + 12} y={rowY + 24} weight={700}>
        {fitEnd(companyName, aw - 110, size.ui)}
      </Txt>
      <rect x={ax + aw - 78} y={rowY + 9} width={66} height={22} rx={11} fill={colour.okBg} />
      <Txt x={ax + aw - 45} y={centreBaseline(rowY + 9, 22, size.small)} size={size.small} weight={700} fill={colour.okInk} anchor="middle">
        Linked
      </Txt>
      <Bar x={ax + 12} y={rowY + 36} w={230} />
      <Button x={manage.x} y={manage.y} w={manage.w} label="Manage connection" />
      <Highlight x={manage.x} y={manage.y} w={manage.w} h={manage.h} n={1} side="right" />
      <Button x={ax} y={rowY + rowH + 14} w={190} label="Add new connection" />

      <ThenArrow x={200} y={a.y + a.h + 4} />

      {/* Panel 2: connection settings with the saved login */}
      <WindowFrame x={b.x} y={b.y} w={b.w} h={b.h} title="Manage connection" tone="connector" controls="close" />
      <Txt x={bx} y={b.y + titleBarHeight + 28} size={size.heading} weight={700}>
        Sage 50 login
      </Txt>
      <Txt x={bx} y={b.y + titleBarHeight + 48} size={size.small} weight={700} fill={colour.accent}>
        Enter the push user, not your everyday login.
      </Txt>
      <LabelledField label="Sage 50 username" x={bx} y={userY} w={bw} value={pushUsername} />
      <LabelledField label="Sage 50 password" x={bx} y={passY} w={bw} dots={8} />
      <Button x={saveX - 114} y={buttonsY} w={86} label="Cancel" />
      <Button x={saveX} y={buttonsY} w={96} label="Save" primary />
      <Highlight x={bx} y={userY} w={bw} h={32} n={2} side="right" />
      <Highlight x={bx} y={passY} w={bw} h={32} n={3} side="right" />
      <Highlight x={saveX} y={buttonsY} w={96} h={30} n={4} side="left" />
    </IllustrationSvg>
  );
}
