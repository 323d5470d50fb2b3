import Form from "next/form";
import Link from "next/link";
import type { CandidatesQuery } from "@/lib/import/import-schema";
import { buttonClass } from "@/components/ui/button";

/** Search Codat's companies: a GET form (the address holds the search), navigated client-side. */
export function CandidatesSearch({ query }: { query: CandidatesQuery }) {
  return (
    <Form action="/support/import" role="search" aria-label="Search Codat companies" className="mb-4 flex flex-wrap items-end gap-2">
      {query.pageSize !== 25 ? <input type="hidden" name="pageSize" value={query.pageSize} /> : null}
      <div className="min-w-[16rem] flex-1">
        <label htmlFor="import-search" className="block text-sm font-semibold text-slate-800">
          Search Codat companies
        </label>
        <input
          id="import-search"
          name="q"
          type="search"
          defaultValue={query.q}
          maxLength={100}
          aria-describedby="import-search-hint"
          className="mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-sm"
        />
        <p id="import-search-hint" className="mt-1 text-xs text-slate-600">
          Part of the company&apos;s name, or a whole Codat company ID.
        </p>
      </div>
      <div className="mb-5 flex gap-2">
        <button type="submit" className={buttonClass("primary")}>
          Search
        </button>
        {query.q ? (
          <Link href="/support/import" className={buttonClass("secondary")}>
            Clear
          </Link>
        ) : null}
      </div>
    </Form>
  );
}
