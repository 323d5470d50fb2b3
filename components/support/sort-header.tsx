import Link from "next/link";
import { DEFAULT_DIRECTION, supportListHref, type SupportListQuery, type SupportSort } from "@/lib/support/support-list-schema";

/**
 * A sortable column header: a plain link (works without JavaScript) that sorts by this column, or
 * flips the direction when it already does; `aria-sort` tells screen readers the current order.
 */
export function SortHeader({ sort, label, query }: { sort: SupportSort; label: string; query: SupportListQuery }) {
  const active = query.sort === sort;
  const nextDir = active ? (query.dir === "asc" ? "desc" : "asc") : DEFAULT_DIRECTION[sort];
  const href = supportListHref(query, { sort, dir: nextDir, page: 1 });
  const arrow = active ? (query.dir === "asc" ? "▲" : "▼") : "↕";
  return (
    <th scope="col" aria-sort={active ? (query.dir === "asc" ? "ascending" : "descending") : undefined} className="px-4 py-3 font-semibold">
      <Link href={href} className="inline-flex items-center gap-1 rounded text-slate-800 hover:text-brand-700">
        {label}
        <span aria-hidden="true" className={active ? "text-brand-700" : "text-slate-500"}>
          {arrow}
        </span>
        <span className="sr-only">
          {active ? `, sorted ${query.dir === "asc" ? "ascending" : "descending"}; ` : ", "}sort {nextDir === "asc" ? "ascending" : "descending"}
        </span>
      </Link>
    </th>
  );
}
