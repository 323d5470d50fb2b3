import type { ImportResponse, ImportResult } from "@/lib/import/import-companies";
import { IMPORT_BATCH_SIZE } from "@/lib/import/import-schema";
import { callApi } from "../call-api";

export type ImportProgress = { done: number; total: number; invited: number; refused: number };

/**
 * Sends the ids to POST /api/imports in batches, one batch after another, reporting after each.
 * A batch the server could not answer becomes a refusal for each of its ids; the run goes on,
 * except when the session has ended (nothing more can succeed then).
 */
export async function runImport(
  ids: readonly string[],
  opts: { contactEmail: string; onProgress: (results: ImportResult[], progress: ImportProgress) => void },
): Promise<{ results: ImportResult[]; stopped: string | null }> {
  const results: ImportResult[] = [];
  const report = () => {
    const invited = results.filter((r) => r.ok).length;
    opts.onProgress([...results], { done: results.length, total: ids.length, invited, refused: results.length - invited });
  };
  report();
  for (let start = 0; start < ids.length; start += IMPORT_BATCH_SIZE) {
    const batch = ids.slice(start, start + IMPORT_BATCH_SIZE);
    const res = await callApi<ImportResponse>("/api/imports", {
      method: "POST",
      body: { codatCompanyIds: batch, ...(opts.contactEmail ? { contactEmail: opts.contactEmail } : {}) },
    });
    if (res.ok) {
      results.push(...res.data.results);
    } else {
      results.push(...batch.map((id): ImportResult => ({ codatCompanyId: id, ok: false, code: res.code, message: res.message })));
      if (res.status === 401 || res.status === 403) {
        report();
        return { results, stopped: res.message };
      }
    }
    report();
  }
  return { results, stopped: null };
}
