import { Button } from "./parts/controls";
import { Highlight } from "./parts/highlight";
import { IllustrationSvg } from "./parts/illustration-svg";
import { colour, size } from "./parts/palette";
import { Bar, Bars, ThenArrow, Txt } from "./parts/shapes";
import type { IllustrationProps } from "./parts/types";
import { titleBarHeight, WindowFrame } from "./parts/window-frame";

const label =
  "Sage 50 New User dialog, Remote Data Access page. The connector does not need Remote Data Access: " +
  "leave the page as it is and, step 1, click Continue at the bottom right. " +
  "On the last page of the dialog, step 2, click Save to create the user.";

export function SageRemoteDataAccess({ className }: IllustrationProps) {
  const a = { x: 10, y: 10, w: 380, h: 206 };
  const ax = a.x + 14;
  const aButtonsY = a.y + a.h - 44;
  const continueX = a.x + a.w - 14 - 104;

  const noteY = a.y + a.h + 24;
  const b = { x: 10, y: noteY + 40, w: 380, h: 168 };
  const bx = b.x + 14;
  const bButtonsY = b.y + b.h - 44;
  const saveX = b.x + b.w - 14 - 96;

  return (
    <IllustrationSvg height={b.y + b.h + 14} label={label} className={className}>
      {/* Panel 1: Remote Data Access page */}
      <WindowFrame x={a.x} y={a.y} w={a.w} h={a.h} title="New User" tone="dialog" controls="close" />
      <Txt x={ax} y={a.y + titleBarHeight + 28} size={size.heading} weight={700}>
        Remote Data Access
      </Txt>
      <Bars x={ax} y={a.y + titleBarHeight + 46} widths={[330, 300, 250]} />
      <rect x={ax} y={a.y + titleBarHeight + 98} width={16} height={16} rx={2} fill={colour.surface} stroke={colour.line} strokeWidth={1.2} />
      <Bar x={ax + 26} y={a.y + titleBarHeight + 102} w={170} />
      <Button x={continueX - 114} y={aButtonsY} w={86} label="Back" />
      <Button x={continueX} y={aButtonsY} w={104} label="Continue" primary />
      <Highlight x={continueX} y={aButtonsY} w={104} h={30} n={1} side="left" />
      <Txt x={200} y={noteY} anchor="middle" size={size.small} weight={700} fill={colour.accent}>
        Not needed for the connector: just click Continue.
      </Txt>

      <ThenArrow x={200} y={noteY + 10} label="last page" />

      {/* Panel 2: last page of the New User dialog */}
      <WindowFrame x={b.x} y={b.y} w={b.w} h={b.h} title="New User" tone="dialog" controls="close" />
      <Bar x={bx} y={b.y + titleBarHeight + 18} w={150} h={12} />
      <Bars x={bx} y={b.y + titleBarHeight + 44} widths={[320, 280]} />
      <Button x={saveX - 114} y={bButtonsY} w={86} label="Back" />
      <Button x={saveX} y={bButtonsY} w={96} label="Save" primary />
      <Highlight x={saveX} y={bButtonsY} w={96} h={30} n={2} side="left" />
    </IllustrationSvg>
  );
}
