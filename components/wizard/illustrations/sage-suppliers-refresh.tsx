import { Button, Field } from "./parts/controls";
import { Highlight } from "./parts/highlight";
import { IllustrationSvg } from "./parts/illustration-svg";
import { colour, size } from "./parts/palette";
import { Bar, centreBaseline, Txt } from "./parts/shapes";
import { fitEnd } from "./parts/text";
import type { IllustrationProps } from "./parts/types";
import { titleBarHeight, WindowFrame } from "./parts/window-frame";

export const suppliersRefreshCaption = "In Suppliers, click the filter button twice (1); the test supplier then appears (2).";

type SageSuppliersRefreshProps = IllustrationProps & {
  /** Account reference of the test supplier (Sage 50: at most 8 characters, upper case). */
  readonly testSupplierId?: string;
  readonly testSupplierName?: string;
};

/** Funnel-shaped filter button. */
function FilterButton({ x, y }: { readonly x: number; readonly y: number }) {
  return (
    <g>
      <rect x={x} y={y} width={36} height={30} rx={4} fill={colour.panel} stroke={colour.line} strokeWidth={1.2} />
      <path
        d={`M ${x + 9} ${y + 8} h 18 l -7 8 v 7 l -4 -2 v -5 Z`}
        fill="none"
        stroke={colour.ink}
        strokeWidth={1.8}
        strokeLinejoin="round"
        aria-hidden="true"
      />
    </g>
  );
}

export function SageSuppliersRefresh({
  className,
  testSupplierId = "TESTPUSH",
  testSupplierName = "Connection test - may be deleted",
}: SageSuppliersRefreshProps) {
  const win = { x: 10, y: 10, w: 380, h: 344 };
  const ax = win.x + 14;
  const aw = win.w - 28;
  const toolbarY = win.y + titleBarHeight + 44;
  const controlsY = toolbarY + 46;
  const filter = { x: ax + 186, y: controlsY };
  const tableY = controlsY + 52;
  const headH = 26;
  const rowH = 30;
  const nameX = ax + 106;
  const testRowY = tableY + headH + rowH * 2;

  const label =
    "Sage 50 Accounts, Suppliers list. Sage 50 does not show suppliers added while it is open until the list is refreshed. " +
    "Step 1: click the filter button next to the search box twice. " +
    `Step 2: the test supplier ${testSupplierId}, ${testSupplierName}, now appears in the list.`;

  return (
    <IllustrationSvg height={win.y + win.h + 14} label={label} className={className}>
      <WindowFrame x={win.x} y={win.y} w={win.w} h={win.h} title="Sage 50 Accounts" tone="sage" />
      <Txt x={ax} y={win.y + titleBarHeight + 28} size={size.heading} weight={700}>
        Suppliers
      </Txt>
      <Button x={ax} y={toolbarY} w={124} label="New Supplier" />
      <g aria-hidden="true">
        {[0, 1, 2].map((i) => (
          <g key={i}>
            <rect x={ax + 134 + i * 60} y={toolbarY} width={52} height={30} rx={4} fill={colour.panel} stroke={colour.faint} />
            <Bar x={ax + 144 + i * 60} y={toolbarY + 11} w={32} />
          </g>
        ))}
      </g>

      <Field x={ax} y={controlsY} w={176} h={30} />
      <Txt x={ax + 10} y={centreBaseline(controlsY, 30, size.ui)} fill={colour.muted}>
        Search
      </Txt>
      <FilterButton x={filter.x} y={filter.y} />
      <Highlight x={filter.x} y={filter.y} w={36} h={30} n={1} side="top-left" />
      <Txt x={filter.x + 52} y={centreBaseline(controlsY, 30, size.ui)} weight={700} fill={colour.accent}>
        click twice
      </Txt>

      <rect x={ax} y={tableY} width={aw} height={headH + rowH * 4} fill={colour.surface} stroke={colour.line} strokeWidth={1} />
      <rect x={ax} y={tableY} width={aw} height={headH} fill={colour.panel} stroke={colour.line} strokeWidth={1} />
      <Txt x={ax + 16} y={centreBaseline(tableY, headH, size.small)} size={size.small} weight={700} fill={colour.muted}>
        A/C
      </Txt>
      <Txt x={nameX} y={centreBaseline(tableY, headH, size.small)} size={size.small} weight={700} fill={colour.muted}>
        Name
      </Txt>
      {[0, 1, 3].map((r) => {
        const top = tableY + headH + r * rowH;
        return (
          <g key={r}>
            {r > 0 ? <path d={`M ${ax} ${top} H ${ax + aw}`} stroke={colour.faint} /> : null}
            <Bar x={ax + 16} y={top + 11} w={62} />
            <Bar x={nameX} y={top + 11} w={r === 1 ? 150 : 190} />
          </g>
        );
      })}
      <rect x={ax + 1} y={testRowY} width={aw - 2} height={rowH} fill={colour.okBg} />
      <Txt x={ax + 16} y={centreBaseline(testRowY, rowH, 14)} size={14} weight={700} fill={colour.okInk}>
        {fitEnd(testSupplierId, 86, 14, false, true)}
      </Txt>
      <Txt x={nameX} y={centreBaseline(testRowY, rowH, 14)} size={14} weight={700} fill={colour.okInk}>
        {fitEnd(testSupplierName, ax + aw - nameX - 8, 14, false, true)}
      </Txt>
      <Highlight x={ax + 1} y={testRowY} w={aw - 2} h={rowH} n={2} side="left" pad={3} />
    </IllustrationSvg>
  );
}
