import Link from "next/link";
import type { InsightsView } from "@/lib/insights/load-insights";
import { LazyBarChart } from "./lazy-bar-chart";
import { ChartFigure, DataTable } from "./chart-figure";

/** Setups with no progress for the reminder delay, by the step they are on, each a link to that list. */
export function StalledFigure({ view }: { view: InsightsView }) {
  const total = view.stalled.reduce((sum, s) => sum + s.count, 0);
  return (
    <ChartFigure
      id="stalled"
      title="Stalled setups by step"
      summary={`${total} setups have push off and no progress for ${view.stalledAfterDays} days or more (the reminder delay), by the step they are on now.`}
      chart={
        <LazyBarChart
          data={view.stalled.map((s) => ({ step: s.title, count: s.count }))}
          categoryKey="step"
          series={[{ key: "count", label: "Stalled setups", color: "#a16207" }]}
          horizontal
          width={720}
          height={60 + view.stalled.length * 40}
        />
      }
      table={
        <DataTable
          caption={`Stalled setups (no progress for ${view.stalledAfterDays} days) by step`}
          columns={["Step", "Stalled setups"]}
          rows={view.stalled.map((s) => [s.title, s.count])}
        />
      }
    >
      <ul className="mt-3 flex flex-wrap gap-2 text-sm">
        {view.stalled.map((s) => (
          <li key={s.step}>
            <Link href={s.href} className="font-semibold text-brand-700 underline underline-offset-2">
              {`${s.count} stalled at ${s.title}`}
            </Link>
          </li>
        ))}
      </ul>
    </ChartFigure>
  );
}
