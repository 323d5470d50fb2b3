import { Button, LabelledField } from "./parts/controls";
import { Highlight } from "./parts/highlight";
import { IllustrationSvg } from "./parts/illustration-svg";
import { size } from "./parts/palette";
import { Bars, NoteBox, Txt, WrappedText, wrappedLineCount } from "./parts/shapes";
import { illustrationDefaults, type IllustrationProps } from "./parts/types";
import { titleBarHeight, WindowFrame } from "./parts/window-frame";

const note = "Not sure which file? In Sage 50, Help > About shows the data directory of the open company.";

export function ConnectorDataFile({ className }: IllustrationProps) {
  const path = illustrationDefaults.dataPath;
  const win = { x: 10, y: 10, w: 380, h: 262 };
  const fx = win.x + 14;
  const fw = win.w - 28;
  const fieldY = win.y + titleBarHeight + 104;
  const browseY = fieldY + 32 + 10;
  const buttonsY = win.y + win.h - 44;
  const nextX = win.x + win.w - 14 - 96;

  const noteY = win.y + win.h + 16;
  const noteH = 20 + wrappedLineCount(note, win.w - 56, size.small) * 19;

  const label =
    "Sage 50 connector asking for the Sage 50 company data file. " +
    `Step 1: check the path in the Company data file box, for example ${path}; use Browse to pick another file. ` +
    `Step 2: click Next. ${note}`;

  return (
    <IllustrationSvg height={noteY + noteH + 10} label={label} className={className}>
      <WindowFrame x={win.x} y={win.y} w={win.w} h={win.h} title="Sage 50 connector setup" tone="connector" />
      <Txt x={fx} y={win.y + titleBarHeight + 30} size={size.heading} weight={700}>
        Select your company data file
      </Txt>
      <Bars x={fx} y={win.y + titleBarHeight + 46} widths={[330, 270]} />
      <LabelledField label="Company data file" x={fx} y={fieldY} w={fw} value={path} size={13} />
      <Button x={win.x + win.w - 14 - 96} y={browseY} w={96} label="Browse…" />
      <Button x={nextX - 114} y={buttonsY} w={86} label="Back" />
      <Button x={nextX} y={buttonsY} w={96} label="Next" primary />
      <Highlight x={fx} y={fieldY} w={fw} h={32} n={1} side="top-right" />
      <Highlight x={nextX} y={buttonsY} w={96} h={30} n={2} side="left" />

      <NoteBox x={win.x} y={noteY} w={win.w} h={noteH} tone="info">
        <WrappedText x={win.x + 44} y={noteY + 27} width={win.w - 56} text={note} size={size.small} lineHeight={19} />
      </NoteBox>
    </IllustrationSvg>
  );
}
