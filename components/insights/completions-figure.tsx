import type { InsightsView } from "@/lib/insights/load-insights";
import { LazyBarChart } from "./lazy-bar-chart";
import { ChartFigure, DataTable } from "./chart-figure";
import { durationLabel, weekLabel } from "./insight-words";

/** Setups that turned push on per week, and the median time from first link to push on. */
export function CompletionsFigure({ view }: { view: InsightsView }) {
  const total = view.completions.reduce((sum, c) => sum + c.count, 0);
  const median = view.medianLinkToPushSeconds;
  return (
    <ChartFigure
      id="completions"
      title="Setups completed per week"
      summary={
        `${total} setups turned push on in the last ${view.query.days} days.` +
        (median === null ? "" : ` Median time from the first setup link to push on: ${durationLabel(median)}.`)
      }
      chart={
        <LazyBarChart
          data={view.completions.map((c) => ({ week: weekLabel(c.week), count: c.count }))}
          categoryKey="week"
          series={[{ key: "count", label: "Push turned on", color: "#047857" }]}
          width={720}
          height={280}
        />
      }
      table={
        <DataTable
          caption="Setups with push turned on, per week (weeks start on Monday)"
          columns={["Week of", "Setups completed"]}
          rows={view.completions.map((c) => [weekLabel(c.week), c.count])}
        />
      }
    />
  );
}
