import Link from "next/link";
import { candidatesHref, type CandidatesQuery } from "@/lib/import/import-schema";
import { buttonClass } from "@/components/ui/button";

/** No Codat company on this page: past the end, no match for the search, or none at all. */
export function CandidatesEmpty({ query, total }: { query: CandidatesQuery; total: number }) {
  const beyondLastPage = total > 0;
  return (
    <div className="rounded-xl border border-dashed border-slate-300 bg-white px-6 py-10 text-center">
      <h2 className="text-lg font-semibold text-slate-900">
        {beyondLastPage ? "This page is past the end of the list" : query.q ? `No Codat company matches “${query.q}”` : "Codat has no companies yet"}
      </h2>
      <p className="mx-auto mt-2 max-w-xl text-slate-700">
        {beyondLastPage
          ? `Codat has ${total} companies for this search.`
          : query.q
            ? "Search looks for the text anywhere in the company's name, or for a whole Codat company ID."
            : "Companies appear here once they exist in Codat. To connect a company for the first time, use “New setup” on the setups page."}
      </p>
      {beyondLastPage || query.q ? (
        <Link href={candidatesHref({ ...query, q: beyondLastPage ? query.q : undefined, page: 1 })} className={buttonClass("secondary", "mt-4")}>
          {beyondLastPage ? "Go to the first page" : "Show every company"}
        </Link>
      ) : null}
    </div>
  );
}
