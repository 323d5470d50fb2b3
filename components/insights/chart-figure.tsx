import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";

/**
 * One chart with its heading, what it shows in a sentence, and the same numbers as a table behind a
 * "Show as table" disclosure (a native `<details>`: keyboard and screen readers work without script).
 * The chart's accessible name is the heading plus the sentence.
 */
export function ChartFigure({
  id,
  title,
  summary,
  chart,
  table,
  children,
}: {
  id: string;
  title: string;
  summary: string;
  chart: ReactNode;
  table: ReactNode;
  children?: ReactNode;
}) {
  return (
    <Card className="mb-6">
      <figure aria-labelledby={`${id}-title`} className="m-0">
        <figcaption>
          <h2 id={`${id}-title`} className="text-lg font-bold text-slate-900">
            {title}
          </h2>
          <p id={`${id}-summary`} className="mt-1 text-sm text-slate-700">
            {summary}
          </p>
        </figcaption>
        {children}
        <div role="img" aria-label={`${title}. ${summary}`} className="mt-4 overflow-x-auto" data-chart={id}>
          {chart}
        </div>
        <details className="mt-4" data-table-toggle={id}>
          <summary className="cursor-pointer font-semibold text-brand-700 underline-offset-2 hover:underline focus-visible:outline focus-visible:outline-2 focus-visible:outline-brand-700">
            Show as table
          </summary>
          <div className="mt-3 overflow-x-auto" role="region" aria-label={`${title}, as a table`} tabIndex={0}>
            {table}
          </div>
        </details>
      </figure>
    </Card>
  );
}

export type TableCell = ReactNode;

/** A plain data table: a caption, column headers, and each row's first cell as its row header. */
export function DataTable({ caption, columns, rows }: { caption: string; columns: string[]; rows: TableCell[][] }) {
  return (
    <table className="w-full border-collapse text-left text-sm">
      <caption className="mb-2 text-left text-sm font-semibold text-slate-800">{caption}</caption>
      <thead className="border-b border-slate-300 bg-slate-50 text-slate-800">
        <tr>
          {columns.map((c) => (
            <th key={c} scope="col" className="px-3 py-2 font-semibold">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map(([head, ...cells], i) => (
          <tr key={i}>
            <th scope="row" className="px-3 py-2 font-medium text-slate-900">
              {head}
            </th>
            {cells.map((cell, j) => (
              <td key={j} className="px-3 py-2 tabular-nums text-slate-800">
                {cell}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
