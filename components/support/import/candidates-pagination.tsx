import Link from "next/link";
import { candidatesHref, type CandidatesQuery } from "@/lib/import/import-schema";
import type { LinkableCompaniesPage } from "@/lib/import/list-linkable-companies";
import { buttonClass } from "@/components/ui/button";

/** Codat's paging as links (the page is in the address); the selection is kept while paging. */
export function CandidatesPagination({ query, list }: { query: CandidatesQuery; list: LinkableCompaniesPage }) {
  const first = list.total === 0 ? 0 : (list.page - 1) * list.pageSize + 1;
  const last = Math.min(list.total, first + list.items.length - 1);
  return (
    <nav aria-label="Pages of Codat companies" className="flex flex-wrap items-center justify-between gap-3 text-sm text-slate-700">
      <p>
        Showing {first.toLocaleString("en-GB")}–{last.toLocaleString("en-GB")} of {list.total.toLocaleString("en-GB")} Codat companies · page{" "}
        {list.page} of {list.pages}
      </p>
      <div className="flex gap-2">
        {list.page > 1 ? (
          <Link href={candidatesHref(query, { page: list.page - 1 })} rel="prev" className={buttonClass("secondary")} scroll={false}>
            Previous page
          </Link>
        ) : null}
        {list.hasNextPage ? (
          <Link href={candidatesHref(query, { page: list.page + 1 })} rel="next" className={buttonClass("secondary")} scroll={false}>
            Next page
          </Link>
        ) : null}
      </div>
    </nav>
  );
}
