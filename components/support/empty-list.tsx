import Link from "next/link";
import { supportListHref, type SupportListQuery } from "@/lib/support/support-list-schema";
import { buttonClass } from "@/components/ui/button";

const NONE: Record<SupportListQuery["filter"], (days: number) => string> = {
  all: () => "No setups yet. Create the first one with “New setup”.",
  attention: () => "Nothing needs attention: no company's pushes to Sage 50 are failing or disconnected.",
  failing: () => "No failing setups: every latest test push worked or has not run, and no connection is broken.",
  stuck: (d) => `Nothing is stuck: every unfinished setup has moved in the last ${d} days.`,
  waiting: () => "No setup is waiting on its connector.",
  enabled: () => "No company has data push turned on yet.",
};

export function EmptyList({ query, total, stuckAfterDays }: { query: SupportListQuery; total: number; stuckAfterDays: number }) {
  const beyondLastPage = total > 0;
  return (
    <div className="rounded-xl border border-dashed border-slate-300 bg-white px-6 py-10 text-center">
      <h2 className="text-lg font-semibold text-slate-900">
        {beyondLastPage ? "This page is past the end of the list" : query.q ? `No setups match “${query.q}”` : "Nothing to show"}
      </h2>
      <p className="mx-auto mt-2 max-w-xl text-slate-700">
        {beyondLastPage
          ? `There are ${total} setups for this view.`
          : query.q
            ? "Search matches the start of any word of the company name, or the start of the Codat company ID."
            : NONE[query.filter](stuckAfterDays)}
      </p>
      {beyondLastPage || query.q || query.filter !== "all" ? (
        <Link
          href={beyondLastPage ? supportListHref(query, { page: 1 }) : supportListHref(query, { q: "", filter: "all", page: 1 })}
          className={buttonClass("secondary", "mt-4")}
        >
          {beyondLastPage ? "Go to the first page" : "Show all setups"}
        </Link>
      ) : null}
    </div>
  );
}
