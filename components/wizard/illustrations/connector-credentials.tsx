import { Button, LabelledField } from "./parts/controls";
import { Highlight } from "./parts/highlight";
import { IllustrationSvg } from "./parts/illustration-svg";
import { colour, size } from "./parts/palette";
import { Bars, NoteBox, Txt, WrappedText, wrappedLineCount } from "./parts/shapes";
import { illustrationDefaults, type IllustrationProps } from "./parts/types";
import { titleBarHeight, WindowFrame } from "./parts/window-frame";

const headline = "Use the push user, not your everyday login";
const detail = "If someone is logged in to Sage 50 with the same username, nothing can be pushed.";

export function ConnectorCredentials({ className, pushUsername = illustrationDefaults.pushUsername }: IllustrationProps) {
  const calloutW = 380;
  const headlineLines = wrappedLineCount(headline, calloutW - 50, 15, true);
  const detailLines = wrappedLineCount(detail, calloutW - 56, size.small);
  const calloutH = 24 + headlineLines * 21 + detailLines * 19 + 6;
  const callout = { x: 10, y: 10, w: calloutW, h: calloutH };

  const win = { x: 10, y: callout.y + callout.h + 16, w: 380, h: 292 };
  const fx = win.x + 14;
  const fw = win.w - 28;
  const userY = win.y + titleBarHeight + 94;
  const passY = userY + 62;
  const buttonsY = win.y + win.h - 44;
  const nextX = win.x + win.w - 14 - 96;

  const label =
    `Warning: ${headline}. ${detail} ` +
    "The Sage 50 connector asks for the Sage 50 login it will use. " +
    `Step 1: type the push user's username, here ${pushUsername}. Step 2: type the push user's password. Step 3: click Next.`;

  return (
    <IllustrationSvg height={win.y + win.h + 14} label={label} className={className}>
      <NoteBox x={callout.x} y={callout.y} w={callout.w} h={callout.h} tone="warn">
        <WrappedText x={callout.x + 44} y={callout.y + 28} width={callout.w - 50} text={headline} size={15} lineHeight={21} weight={700} fill={colour.warnInk} />
        <WrappedText
          x={callout.x + 44}
          y={callout.y + 28 + headlineLines * 21 + 2}
          width={callout.w - 56}
          text={detail}
          size={size.small}
          lineHeight={19}
          fill={colour.warnInk}
        />
      </NoteBox>

      <WindowFrame x={win.x} y={win.y} w={win.w} h={win.h} title="Sage 50 connector setup" tone="connector" />
      <Txt x={fx} y={win.y + titleBarHeight + 30} size={size.heading} weight={700}>
        Sage 50 login
      </Txt>
      <Bars x={fx} y={win.y + titleBarHeight + 46} widths={[320]} />
      <LabelledField label="Sage 50 username" x={fx} y={userY} w={fw} value={pushUsername} />
      <LabelledField label="Sage 50 password" x={fx} y={passY} w={fw} dots={8} />
      <Button x={nextX - 114} y={buttonsY} w={86} label="Back" />
      <Button x={nextX} y={buttonsY} w={96} label="Next" primary />
      <Highlight x={fx} y={userY} w={fw} h={32} n={1} side="right" />
      <Highlight x={fx} y={passY} w={fw} h={32} n={2} side="right" />
      <Highlight x={nextX} y={buttonsY} w={96} h={30} n={3} side="left" />
    </IllustrationSvg>
  );
}
