import { percent } from "@/lib/sage/insights";
import type { InsightsView } from "@/lib/insights/load-insights";
import { LazyBarChart } from "./lazy-bar-chart";
import { ChartFigure, DataTable } from "./chart-figure";
import { durationLabel } from "./insight-words";

/** Setups that reached each step, conversion to the next and the time spent in each. */
export function FunnelFigure({ view }: { view: InsightsView }) {
  const first = view.funnel[0]?.reached ?? 0;
  const worst = view.losingMost;
  const summary = worst
    ? `${first} setups started in the last ${view.query.days} days. Most stopped at “${worst.title}”: ${worst.lost} of ${worst.reached} did not move on (${percent(worst.conversion)} went on).`
    : `${first} setups started in the last ${view.query.days} days, and none stopped on the way.`;
  return (
    <ChartFigure
      id="funnel"
      title="Setups reaching each step"
      summary={summary}
      chart={
        <LazyBarChart
          data={view.funnel.map((s) => ({ step: s.title, reached: s.reached, movedOn: s.movedOn }))}
          categoryKey="step"
          series={[
            { key: "reached", label: "Reached the step", color: "#1d4ed8" },
            { key: "movedOn", label: "Moved on", color: "#047857" },
          ]}
          horizontal
          width={720}
          height={60 + view.funnel.length * 48}
        />
      }
      table={
        <DataTable
          caption={`Funnel of setups created in the last ${view.query.days} days`}
          columns={["Step", "Reached", "Moved on", "Conversion to next", "Stopped here", "Median time in step", "90th percentile"]}
          rows={view.funnel.map((s) => [
            s.title,
            s.reached,
            s.movedOn,
            percent(s.conversion),
            s.lost,
            durationLabel(s.medianSeconds),
            durationLabel(s.p90Seconds),
          ])}
        />
      }
    />
  );
}
