import Link from "next/link";
import { insightsHref, type InsightsQuery } from "@/lib/insights/insights-query-schema";
import { INSIGHT_FLOWS, INSIGHT_PERIODS, type InsightFlow } from "@/lib/sage/insights";

const FLOW_LABELS: Record<InsightFlow, string> = { all: "All setups", new: "New connections", upgrade: "Upgrades" };

function Choice({ href, current, children }: { href: string; current: boolean; children: string }) {
  return (
    <li>
      <Link
        href={href}
        aria-current={current ? "page" : undefined}
        className={`inline-flex rounded-full border px-3 py-1.5 text-sm font-semibold ${
          current ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 bg-white text-slate-800 hover:bg-slate-50"
        }`}
      >
        {children}
      </Link>
    </li>
  );
}

/** The period and the flow, as plain links (the URL holds the state; no script needed). */
export function InsightsFilters({ query }: { query: InsightsQuery }) {
  return (
    <div className="mb-6 flex flex-wrap gap-6">
      <nav aria-label="Period">
        <ul className="flex flex-wrap gap-2">
          {INSIGHT_PERIODS.map((days) => (
            <Choice key={days} href={insightsHref(query, { days })} current={query.days === days}>
              {`Last ${days} days`}
            </Choice>
          ))}
        </ul>
      </nav>
      <nav aria-label="Flow">
        <ul className="flex flex-wrap gap-2">
          {INSIGHT_FLOWS.map((flow) => (
            <Choice key={flow} href={insightsHref(query, { flow })} current={query.flow === flow}>
              {FLOW_LABELS[flow]}
            </Choice>
          ))}
        </ul>
      </nav>
    </div>
  );
}
