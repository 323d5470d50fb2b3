import Link from "next/link";
import { supportListHref, type SupportListQuery } from "@/lib/support/support-list-schema";
import { buttonClass } from "@/components/ui/button";

export function Pagination({ query, pages, total }: { query: SupportListQuery; pages: number; total: number }) {
  const first = total === 0 ? 0 : (query.page - 1) * query.pageSize + 1;
  const last = Math.min(total, query.page * query.pageSize);
  return (
    <nav aria-label="Pages" className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm text-slate-700">
      <p>
        Showing {first.toLocaleString("en-GB")}–{last.toLocaleString("en-GB")} of {total.toLocaleString("en-GB")} setups · page{" "}
        {query.page} of {pages}
      </p>
      <div className="flex gap-2">
        {query.page > 1 ? (
          <Link href={supportListHref(query, { page: query.page - 1 })} rel="prev" className={buttonClass("secondary")}>
            Previous page
          </Link>
        ) : null}
        {query.page < pages ? (
          <Link href={supportListHref(query, { page: query.page + 1 })} rel="next" className={buttonClass("secondary")}>
            Next page
          </Link>
        ) : null}
      </div>
    </nav>
  );
}
