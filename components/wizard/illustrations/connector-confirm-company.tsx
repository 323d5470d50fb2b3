import { Button } from "./parts/controls";
import { Highlight } from "./parts/highlight";
import { IllustrationSvg } from "./parts/illustration-svg";
import { colour, size } from "./parts/palette";
import { stackOffsets, Txt } from "./parts/shapes";
import { fitEnd, wrapPath } from "./parts/text";
import { illustrationDefaults, type IllustrationProps } from "./parts/types";
import { titleBarHeight, WindowFrame } from "./parts/window-frame";

export function ConnectorConfirmCompany({ className, companyName = illustrationDefaults.companyName }: IllustrationProps) {
  const rows = [
    { name: "Company name", value: companyName },
    { name: "Last transaction date", value: "31/03/2025" },
    { name: "Sage version", value: "Sage 50 Accounts v31" },
    { name: "Data directory", value: illustrationDefaults.dataPath },
  ] as const;
  const rowH = 50;
  const lineH = 19;
  const fw = 352;
  const valueLines = rows.map((row) =>
    row.name === "Data directory" ? wrapPath(row.value, fw - 24, size.ui) : [fitEnd(row.value, fw - 24, size.ui, false, row.name === "Company name")],
  );
  const rowTops = stackOffsets(
    valueLines.map((lines) => rowH + (lines.length - 1) * lineH),
    0,
  );
  const cardH = valueLines.reduce((h, lines) => h + rowH + (lines.length - 1) * lineH, 0) + 8;
  const cardTop = titleBarHeight + 46;
  const win = { x: 10, y: 10, w: 380, h: cardTop + cardH + 18 + 30 + 14 };
  const fx = win.x + 14;
  const cardY = win.y + cardTop;
  const buttonsY = cardY + cardH + 18;
  const confirmX = win.x + win.w - 14 - 106;

  const label =
    "Sage 50 connector asking to confirm the company. It shows " +
    rows.map((r) => `${r.name}: ${r.value}`).join("; ") +
    ". Check that this is the company you want to connect, then, step 1, click Confirm.";

  return (
    <IllustrationSvg height={win.y + win.h + 14} label={label} className={className}>
      <WindowFrame x={win.x} y={win.y} w={win.w} h={win.h} title="Sage 50 connector setup" tone="connector" />
      <Txt x={fx} y={win.y + titleBarHeight + 30} size={size.heading} weight={700}>
        Confirm your company
      </Txt>
      <rect x={fx} y={cardY} width={fw} height={cardH} rx={6} fill={colour.panel} stroke={colour.faint} />
      {rows.map((row, i) => {
        const top = cardY + 4 + (rowTops[i] ?? 0);
        return (
          <g key={row.name}>
            {i > 0 ? <path d={`M ${fx + 10} ${top} H ${fx + fw - 10}`} stroke={colour.faint} /> : null}
            <Txt x={fx + 12} y={top + 19} size={size.small} weight={600} fill={colour.muted}>
              {row.name}
            </Txt>
            <text x={fx + 12} y={top + 39} fontSize={size.ui} fontWeight={i === 0 ? 700 : 400} fill={colour.ink}>
              {(valueLines[i] ?? []).map((line, j) => (
                <tspan key={`${j}-${line}`} x={fx + 12} dy={j === 0 ? 0 : lineH}>
                  {line}
                </tspan>
              ))}
            </text>
          </g>
        );
      })}
      <Button x={confirmX - 114} y={buttonsY} w={86} label="Back" />
      <Button x={confirmX} y={buttonsY} w={106} label="Confirm" primary />
      <Highlight x={confirmX} y={buttonsY} w={106} h={30} n={1} side="left" />
    </IllustrationSvg>
  );
}
