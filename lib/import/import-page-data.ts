import { getDb } from "@/lib/db/client";
import { isCodatError } from "@/lib/codat/errors";
import { appErrorForCodat } from "@/lib/codat-errors/explain-codat-error";
import { log } from "@/lib/log";
import { candidatesQuerySchema, type CandidatesQuery } from "./import-schema";
import type { LinkableCompaniesPage } from "./list-linkable-companies";
import { listImportCandidates } from "./list-import-candidates";

const DEFAULT_QUERY: CandidatesQuery = { page: 1, pageSize: 25, q: undefined };

/** The page's address read leniently: a bad value is dropped (and said so), never an error page. */
export function readCandidatesParams(params: Record<string, string | string[] | undefined>): {
  query: CandidatesQuery;
  corrected: boolean;
} {
  const flat: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined && first !== "" && (key === "page" || key === "pageSize" || key === "q")) flat[key] = first;
  }
  const parsed = candidatesQuerySchema.safeParse(flat);
  if (parsed.success) return { query: parsed.data, corrected: false };
  const bad = new Set(parsed.error.issues.map((issue) => String(issue.path[0])));
  const retry = candidatesQuerySchema.safeParse(Object.fromEntries(Object.entries(flat).filter(([key]) => !bad.has(key))));
  return { query: retry.success ? retry.data : DEFAULT_QUERY, corrected: true };
}

export type ImportPageData = {
  query: CandidatesQuery;
  corrected: boolean;
  list: LinkableCompaniesPage | null;
  /** Set when Codat could not be asked: the page says so instead of failing. */
  problem: string | null;
};

/** What /support/import reads (its guard runs first): one page of Codat companies, marked. */
export async function loadImportPage(params: Record<string, string | string[] | undefined>): Promise<ImportPageData> {
  const { query, corrected } = readCandidatesParams(params);
  try {
    const list = await listImportCandidates(await getDb(), query);
    return { query, corrected, list, problem: null };
  } catch (err) {
    if (!isCodatError(err)) throw err;
    log.warn("import page: Codat company list failed", { code: err.code, detail: err.detail });
    return { query, corrected, list: null, problem: appErrorForCodat(err).message };
  }
}
