import { growingCause, percent } from "@/lib/sage/insights";
import type { CausesView } from "@/lib/insights/load-insights";
import { LazyBarChart } from "./lazy-bar-chart";
import { ChartFigure, DataTable } from "./chart-figure";
import { seriesColor, weekLabel } from "./insight-words";

/** Failures by cause and week, stacked, with each cause's share; the growing cause named. */
export function CausesFigure({ id, title, what, causes, note }: { id: string; title: string; what: string; causes: CausesView; note?: string }) {
  const total = causes.causes.reduce((sum, c) => sum + c.total, 0);
  const top = causes.causes[0];
  const growing = growingCause(causes);
  const summary =
    total === 0
      ? `No ${what} in this period.`
      : `${total} ${what}. Most common: ${causes.labels[top!.cause]} (${percent(top!.share)}).` +
        (growing ? ` Growing: ${causes.labels[growing.cause]}, ${growing.before} the week before, ${growing.after} in the latest week.` : "");
  const series = causes.causes.map((c, i) => ({ key: c.cause, label: causes.labels[c.cause] ?? c.cause, color: seriesColor(i) }));
  return (
    <ChartFigure
      id={id}
      title={title}
      summary={summary}
      chart={
        <LazyBarChart
          data={causes.rows.map((r) => ({ week: weekLabel(r.week), ...r.counts }))}
          categoryKey="week"
          series={series}
          stacked
          width={720}
          height={320}
        />
      }
      table={
        <>
          <DataTable
            caption={`${title}, per week (weeks start on Monday)`}
            columns={["Week of", ...series.map((s) => s.label), "Total"]}
            rows={causes.rows.map((r) => [weekLabel(r.week), ...series.map((s) => r.counts[s.key] ?? 0), r.total])}
          />
          <div className="mt-4">
            <DataTable
              caption="Share of each cause"
              columns={["Cause", "Failures", "Share"]}
              rows={causes.causes.map((c) => [causes.labels[c.cause] ?? c.cause, c.total, percent(c.share)])}
            />
          </div>
        </>
      }
    >
      {note ? <p className="mt-1 text-sm text-slate-600">{note}</p> : null}
    </ChartFigure>
  );
}
