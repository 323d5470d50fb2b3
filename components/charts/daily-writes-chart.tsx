"use client";
import dynamic from "next/dynamic";
import { useId, useState } from "react";

export type DailyWrites = { day: string; succeeded: number; failed: number };

const WIDTH = 640;
const HEIGHT = 220;

// Loaded on its own: recharts stays out of the page's first load.
const DailyWritesBars = dynamic(() => import("./daily-writes-bars"), {
  ssr: false,
  loading: () => <div style={{ height: HEIGHT }} className="animate-pulse rounded bg-slate-100" />,
});

/**
 * Writes to Sage 50 per day, succeeded and failed, as stacked bars with a "Show as table" toggle (a
 * real table with caption and headers). The drawing is one image for assistive technology, named by
 * its totals; the table carries every number.
 */
export function DailyWritesChart({ days, title }: { days: DailyWrites[]; title: string }) {
  const [asTable, setAsTable] = useState(false);
  const tableId = useId();
  const succeeded = days.reduce((n, d) => n + d.succeeded, 0);
  const failed = days.reduce((n, d) => n + d.failed, 0);
  const summary = `${title}: ${succeeded} succeeded and ${failed} failed over the last ${days.length} days.`;
  return (
    <figure className="mt-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <figcaption className="text-sm text-slate-700">{summary}</figcaption>
        <button
          type="button"
          aria-expanded={asTable}
          aria-controls={tableId}
          onClick={() => setAsTable((v) => !v)}
          className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-semibold text-slate-800 hover:bg-slate-50 focus-visible:outline focus-visible:outline-2 focus-visible:outline-brand-700"
        >
          {asTable ? "Show as chart" : "Show as table"}
        </button>
      </div>
      <div id={tableId} className="mt-3">
        {asTable ? (
          <div className="max-h-80 overflow-y-auto rounded border border-slate-200" tabIndex={0} role="region" aria-label={`${title}, as a table`}>
            <table className="w-full border-collapse text-left text-sm">
              <caption className="sr-only">{title}, per day (UTC)</caption>
              <thead className="sticky top-0 bg-slate-50 text-xs uppercase tracking-wide text-slate-700">
                <tr>
                  <th scope="col" className="px-3 py-2">Day</th>
                  <th scope="col" className="px-3 py-2 text-right">Succeeded</th>
                  <th scope="col" className="px-3 py-2 text-right">Failed</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {[...days].reverse().map((d) => (
                  <tr key={d.day}>
                    <th scope="row" className="px-3 py-1.5 font-normal">{d.day}</th>
                    <td className="px-3 py-1.5 text-right tabular-nums">{d.succeeded}</td>
                    <td className="px-3 py-1.5 text-right tabular-nums">{d.failed}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <div role="img" aria-label={summary} className="overflow-x-auto" data-testid="daily-writes-chart">
            <div style={{ width: WIDTH, height: HEIGHT }}>
              <DailyWritesBars days={days} width={WIDTH} height={HEIGHT} />
            </div>
          </div>
        )}
      </div>
    </figure>
  );
}
