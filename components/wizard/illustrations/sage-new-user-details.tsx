import { Button, LabelledField } from "./parts/controls";
import { Highlight } from "./parts/highlight";
import { IllustrationSvg } from "./parts/illustration-svg";
import { colour, size } from "./parts/palette";
import { NoteBox, stackOffsets, Txt, WrappedText, wrappedLineCount } from "./parts/shapes";
import { illustrationDefaults, type IllustrationProps } from "./parts/types";
import { titleBarHeight, WindowFrame } from "./parts/window-frame";

const notes = [
  "Administrator gives full access, so there are no access areas to choose.",
  "Some Sage 50 versions accept at most 10 characters in a password.",
] as const;

export function SageNewUserDetails({ className, pushUsername = illustrationDefaults.pushUsername }: IllustrationProps) {
  const win = { x: 10, y: 10, w: 380, h: 380 };
  const fx = win.x + 14;
  const fw = win.w - 28;
  const step = 62;
  const usernameY = win.y + titleBarHeight + 66;
  const typeY = usernameY + step;
  const passwordY = typeY + step;
  const confirmY = passwordY + step;
  const buttonsY = confirmY + 32 + 22;

  const noteY = win.y + win.h + 16;
  const noteTextW = win.w - 56;
  const noteLineH = 19;
  const noteLines = notes.map((n) => wrappedLineCount(n, noteTextW, size.small));
  const noteH = 22 + noteLines.reduce((a, b) => a + b, 0) * noteLineH + (notes.length - 1) * 8;

  const label =
    `Sage 50 New User dialog, User details page. Step 1: type the username, here ${pushUsername}. ` +
    "Step 2: set User type to Administrator. Step 3: type the password, then type it again in Confirm password. " +
    `Note: ${notes.join(" ")}`;

  const noteTops = stackOffsets(
    noteLines.map((n) => n * noteLineH),
    8,
  );
  return (
    <IllustrationSvg height={noteY + noteH + 10} label={label} className={className}>
      <WindowFrame x={win.x} y={win.y} w={win.w} h={win.h} title="New User" tone="dialog" controls="close" />
      <Txt x={fx} y={win.y + titleBarHeight + 28} size={size.heading} weight={700}>
        User details
      </Txt>

      <LabelledField label="Username" x={fx} y={usernameY} w={fw} value={pushUsername} />
      <LabelledField label="User type" x={fx} y={typeY} w={210} value="Administrator" dropdown />
      <LabelledField label="Password" x={fx} y={passwordY} w={fw} dots={8} />
      <LabelledField label="Confirm password" x={fx} y={confirmY} w={fw} dots={8} />

      <Button x={win.x + win.w - 14 - 200} y={buttonsY} w={92} label="Cancel" />
      <Button x={win.x + win.w - 14 - 100} y={buttonsY} w={100} label="Continue" primary />

      <Highlight x={fx} y={usernameY} w={fw} h={32} n={1} side="right" />
      <Highlight x={fx} y={typeY} w={210} h={32} n={2} side="right" />
      <Highlight x={fx} y={passwordY} w={fw} h={confirmY + 32 - passwordY} n={3} side="right" />

      <NoteBox x={win.x} y={noteY} w={win.w} h={noteH} tone="info">
        {notes.map((note, i) => (
          <WrappedText
            key={note}
            x={win.x + 44}
            y={noteY + 28 + (noteTops[i] ?? 0)}
            width={noteTextW}
            text={note}
            size={size.small}
            lineHeight={noteLineH}
            fill={colour.ink}
          />
        ))}
      </NoteBox>
    </IllustrationSvg>
  );
}
