import Link from "next/link";
import { supportListCsvHref, supportListHref, type SupportFilter, type SupportListQuery } from "@/lib/support/support-list-schema";
import { findStep } from "@/lib/sage/steps";
import { flowLabel } from "@/lib/sage/status-labels";
import { buttonClass } from "@/components/ui/button";

const FILTERS: { filter: SupportFilter; label: string; hint: (days: number) => string }[] = [
  { filter: "all", label: "All setups", hint: () => "Every setup" },
  { filter: "attention", label: "Needs attention", hint: () => "Live pushes to Sage 50 are failing or disconnected: an alert is open" },
  { filter: "failing", label: "Failing", hint: () => "The latest test push failed, timed out or could not reach Codat, or the connection is broken" },
  { filter: "stuck", label: "Stuck", hint: (d) => `Push is off and nothing has happened for ${d} days or more` },
  { filter: "waiting", label: "Waiting on connector", hint: () => "The connector is not linked yet, or a test push is waiting for it" },
  { filter: "enabled", label: "Push on", hint: () => "Data push is turned on" },
];

/** Filter links (plain links: the URL holds the state) and the search form (a GET form). */
export function ListFilters({ query, stuckAfterDays }: { query: SupportListQuery; stuckAfterDays: number }) {
  return (
    <div className="mb-4 space-y-4">
      <nav aria-label="Filter setups">
        <ul className="flex flex-wrap gap-2">
          {FILTERS.map(({ filter, label, hint }) => {
            const current = query.filter === filter;
            return (
              <li key={filter}>
                <Link
                  href={supportListHref(query, { filter, page: 1 })}
                  aria-current={current ? "page" : undefined}
                  title={hint(stuckAfterDays)}
                  className={`inline-flex rounded-full border px-3 py-1.5 text-sm font-semibold ${
                    current ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 bg-white text-slate-800 hover:bg-slate-50"
                  }`}
                >
                  {label}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      <div className="flex flex-wrap items-center gap-3 text-sm text-slate-700">
        {query.step || query.flow !== "all" ? (
          <p>
            {`Only setups${query.step ? ` on the step “${findStep(query.step)?.shortTitle ?? query.step}”` : ""}${query.flow !== "all" ? ` (${flowLabel(query.flow)})` : ""}.`}{" "}
            <Link href={supportListHref(query, { step: undefined, flow: "all", page: 1 })} className="font-semibold text-brand-700 underline">
              Show every step
            </Link>
          </p>
        ) : null}
        <a href={supportListCsvHref(query)} download className="font-semibold text-brand-700 underline">
          Download CSV<span className="sr-only"> of this list (every page)</span>
        </a>
      </div>
      <form method="get" action="/support" role="search" aria-label="Search setups" className="flex flex-wrap items-end gap-2">
        {query.filter !== "all" ? <input type="hidden" name="filter" value={query.filter} /> : null}
        {query.step ? <input type="hidden" name="step" value={query.step} /> : null}
        {query.flow !== "all" ? <input type="hidden" name="flow" value={query.flow} /> : null}
        {query.sort !== "activity" ? <input type="hidden" name="sort" value={query.sort} /> : null}
        <input type="hidden" name="dir" value={query.dir} />
        <div className="min-w-[16rem] flex-1">
          <label htmlFor="setup-search" className="block text-sm font-semibold text-slate-800">
            Search by company name or Codat company ID
          </label>
          <input
            id="setup-search"
            name="q"
            type="search"
            defaultValue={query.q}
            maxLength={100}
            aria-describedby="setup-search-hint"
            className="mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-sm"
          />
          <p id="setup-search-hint" className="mt-1 text-xs text-slate-600">
            Matches the start of any word of the name (“acme tr” finds Acme Trading), or the start of the ID.
          </p>
        </div>
        <div className="mb-5 flex gap-2">
          <button type="submit" className={buttonClass("primary")}>
            Search
          </button>
          {query.q ? (
            <Link href={supportListHref(query, { q: "", page: 1 })} className={buttonClass("secondary")}>
              Clear search
            </Link>
          ) : null}
        </div>
      </form>
    </div>
  );
}
