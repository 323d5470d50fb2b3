import { connectorInstallerFileName } from "@/lib/sage/help-words";
import { Highlight } from "./parts/highlight";
import { IllustrationSvg } from "./parts/illustration-svg";
import { colour, size } from "./parts/palette";
import { Bar, Bars, NoteBox, Txt, WrappedText, wrappedLineCount } from "./parts/shapes";
import { fitEnd, textWidth } from "./parts/text";
import { illustrationDefaults, type IllustrationProps } from "./parts/types";

const uacNote = "If Windows asks whether to allow this app to make changes to your device, choose Yes.";

const FILE_NAME_END = "sage50-connector.exe";

/** The installer's file name, split over two lines when it is too long for one. */
function fileNameLines(fileName: string, maxWidth: number, fontSize: number): string[] {
  if (textWidth(fileName, fontSize) <= maxWidth) return [fileName];
  return [fitEnd(fileName.slice(0, -FILE_NAME_END.length), maxWidth, fontSize), FILE_NAME_END];
}

export function ConnectorDownload({ className, integratorName = illustrationDefaults.integratorName }: IllustrationProps) {
  const integrator = integratorName.trim() === "" ? illustrationDefaults.integratorName : integratorName.trim();
  const fileName = connectorInstallerFileName(integrator);
  const win = { x: 10, y: 10, w: 380 };
  const tabH = 34;
  const toolbarY = win.y + tabH;
  const toolbarH = 42;
  const contentY = toolbarY + toolbarH;
  const dl = { x: win.x + win.w - 44, y: toolbarY + 7, w: 28, h: 28 };

  const panel = { x: 46, y: contentY + 4, w: 336 };
  const nameX = panel.x + 52;
  const nameSize = 15;
  const lines = fileNameLines(fileName, panel.x + panel.w - 14 - nameX, nameSize);
  const nameY = panel.y + 66;
  const openY = nameY + (lines.length - 1) * 19 + 26;
  const openW = Math.ceil(textWidth("Open file", size.ui) * 1.12);
  const panelH = openY - panel.y + 18;
  const winH = panelH + (panel.y - win.y) + 72;

  const noteY = win.y + winH + 14;
  const noteH = 20 + wrappedLineCount(uacNote, win.w - 56, size.small) * 19;

  const label =
    `Web browser that has downloaded the file ${fileName}. ` +
    "Step 1: the Downloads button at the top right of the browser toolbar. " +
    `Step 2: Open file, under ${fileName} in the downloads list, to start the installer. ${uacNote}`;

  return (
    <IllustrationSvg height={noteY + noteH + 10} label={label} className={className}>
      <rect x={win.x + 2} y={win.y + 3} width={win.w} height={winH} rx={8} fill="#000000" opacity={0.12} />
      <rect x={win.x} y={win.y} width={win.w} height={winH} rx={8} fill={colour.surface} stroke={colour.line} strokeWidth={1.2} />
      {/* Tab strip */}
      <path d={`M ${win.x} ${toolbarY} V ${win.y + 8} A 8 8 0 0 1 ${win.x + 8} ${win.y} H ${win.x + win.w - 8} A 8 8 0 0 1 ${win.x + win.w} ${win.y + 8} V ${toolbarY} Z`} fill={colour.dialogBar} />
      <path d={`M ${win.x + 10} ${toolbarY} V ${win.y + 12} a 6 6 0 0 1 6 -6 H ${win.x + 186} a 6 6 0 0 1 6 6 V ${toolbarY} Z`} fill={colour.surface} />
      <Txt x={win.x + 22} y={win.y + 25} size={size.small} weight={600}>
        Sage 50 setup
      </Txt>
      <g stroke={colour.ink} strokeWidth={1.6} fill="none" aria-hidden="true">
        <path d={`M ${win.x + win.w - 86} ${win.y + 17} h 11`} />
        <rect x={win.x + win.w - 58} y={win.y + 12} width={10} height={10} />
        <path d={`M ${win.x + win.w - 25} ${win.y + 12} l 10 10 M ${win.x + win.w - 15} ${win.y + 12} l -10 10`} />
      </g>
      {/* Toolbar: back, forward, reload, address bar, downloads */}
      <g stroke={colour.muted} strokeWidth={1.8} fill="none" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
        <path d={`M ${win.x + 24} ${toolbarY + 21} h -10 m 5 -5 l -5 5 l 5 5`} />
        <path d={`M ${win.x + 40} ${toolbarY + 21} h 10 m -5 -5 l 5 5 l -5 5`} />
        <path d={`M ${win.x + 74} ${toolbarY + 16} a 6 6 0 1 0 2 5`} />
      </g>
      <rect x={win.x + 88} y={toolbarY + 8} width={win.w - 144} height={26} rx={13} fill={colour.panel} stroke={colour.faint} />
      <Bar x={win.x + 104} y={toolbarY + 17} w={150} />
      <g stroke={colour.ink} strokeWidth={2} fill="none" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
        <path d={`M ${dl.x + 14} ${dl.y + 6} v 11 m -5 -5 l 5 5 l 5 -5`} />
        <path d={`M ${dl.x + 7} ${dl.y + 22} h 14`} />
      </g>
      <path d={`M ${win.x} ${contentY} H ${win.x + win.w}`} stroke={colour.faint} />
      {/* Page behind the panel */}
      <Bars x={win.x + 20} y={contentY + 24} widths={[16, 12, 20, 14, 10]} gap={22} />
      <Bars x={win.x + 20} y={contentY + panelH + 24} widths={[260, 300, 200]} />

      {/* Downloads panel */}
      <rect x={panel.x + 2} y={panel.y + 3} width={panel.w} height={panelH} rx={8} fill="#000000" opacity={0.14} />
      <rect x={panel.x} y={panel.y} width={panel.w} height={panelH} rx={8} fill={colour.surface} stroke={colour.line} strokeWidth={1.2} />
      <Txt x={panel.x + 14} y={panel.y + 26} weight={700}>
        Downloads
      </Txt>
      <path d={`M ${panel.x} ${panel.y + 38} H ${panel.x + panel.w}`} stroke={colour.faint} />
      <g aria-hidden="true">
        <path d={`M ${panel.x + 16} ${nameY - 16} h 17 l 8 8 v 26 h -25 Z`} fill={colour.panel} stroke={colour.line} strokeWidth={1.2} strokeLinejoin="round" />
        <rect x={panel.x + 20} y={nameY} width={17} height={8} rx={1.5} fill={colour.connectorBar} />
      </g>
      <text x={nameX} y={nameY} fontSize={nameSize} fontWeight={700} fill={colour.ink}>
        {lines.map((line, i) => (
          <tspan key={line} x={nameX} dy={i === 0 ? 0 : 19}>
            {line}
          </tspan>
        ))}
      </text>
      <Txt x={nameX} y={openY} weight={600} fill={colour.primary}>
        Open file
      </Txt>
      <path d={`M ${nameX} ${openY + 3} h ${openW}`} stroke={colour.primary} strokeWidth={1.2} />
      <Highlight x={dl.x} y={dl.y} w={dl.w} h={dl.h} n={1} side="left" pad={3} />
      <Highlight x={nameX - 5} y={openY - 17} w={openW + 14} h={24} n={2} side="right" />

      <NoteBox x={win.x} y={noteY} w={win.w} h={noteH} tone="info">
        <WrappedText x={win.x + 44} y={noteY + 27} width={win.w - 56} text={uacNote} size={size.small} lineHeight={19} />
      </NoteBox>
    </IllustrationSvg>
  );
}
