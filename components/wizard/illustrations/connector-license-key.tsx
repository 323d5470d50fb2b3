import { Button, LabelledField } from "./parts/controls";
import { Highlight } from "./parts/highlight";
import { IllustrationSvg } from "./parts/illustration-svg";
import { size } from "./parts/palette";
import { Bars, NoteBox, Txt, WrappedText, wrappedLineCount } from "./parts/shapes";
import type { IllustrationProps } from "./parts/types";
import { titleBarHeight, WindowFrame } from "./parts/window-frame";

/** A made-up key in the shape of a Codat company ID. */
const sampleKey = "3f6c1d2a-8b4e-4c7a-9e21-5d0f7a6b2c18";
const note = "Copy the license key from the setup page and paste it here. Paste the whole key, with its dashes.";

const label =
  "Sage 50 connector installer asking for the license key. " +
  "Step 1: paste the license key into the License key box. Step 2: click Install. " +
  "Note: copy the license key from the setup page; paste the whole key, with its dashes.";

export function ConnectorLicenseKey({ className, licenseKey }: IllustrationProps) {
  const win = { x: 10, y: 10, w: 380, h: 226 };
  const fx = win.x + 14;
  const fw = win.w - 28;
  const fieldY = win.y + titleBarHeight + 104;
  const buttonsY = fieldY + 32 + 22;
  const installX = win.x + win.w - 14 - 100;

  const noteY = win.y + win.h + 16;
  const noteH = 20 + wrappedLineCount(note, win.w - 56, size.small) * 19;

  return (
    <IllustrationSvg height={noteY + noteH + 10} label={label} className={className}>
      <WindowFrame x={win.x} y={win.y} w={win.w} h={win.h} title="Sage 50 connector setup" tone="connector" />
      <Txt x={fx} y={win.y + titleBarHeight + 30} size={size.heading} weight={700}>
        Enter your license key
      </Txt>
      <Bars x={fx} y={win.y + titleBarHeight + 46} widths={[320, 250]} />
      <LabelledField label="License key" x={fx} y={fieldY} w={fw} value={licenseKey ?? sampleKey} mono size={size.small} />
      <Button x={installX - 118} y={buttonsY} w={90} label="Cancel" />
      <Button x={installX} y={buttonsY} w={100} label="Install" primary />
      <Highlight x={fx} y={fieldY} w={fw} h={32} n={1} side="right" />
      <Highlight x={installX} y={buttonsY} w={100} h={30} n={2} side="left" />

      <NoteBox x={win.x} y={noteY} w={win.w} h={noteH} tone="info">
        <WrappedText x={win.x + 44} y={noteY + 27} width={win.w - 56} text={note} size={size.small} lineHeight={19} />
      </NoteBox>
    </IllustrationSvg>
  );
}
