import pLimit from "p-limit";
import type { Db } from "@/lib/db/client";
import type { CodatClient } from "@/lib/codat/client";
import { isCodatError } from "@/lib/codat/errors";
import { appErrorForCodat } from "@/lib/codat-errors/explain-codat-error";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { importCompany, type ImportActor } from "./import-company";

/** One company's outcome in a bulk import: invited with its link, or refused with the reason. */
export type ImportResult =
  | {
      codatCompanyId: string;
      ok: true;
      company: {
        id: string;
        name: string;
        codatCompanyId: string;
        reportedCompanyName: string | null;
        baseCurrency: string | null;
      };
      setupLink: { url: string; shortCode: string; expiresAt: string };
    }
  | {
      codatCompanyId: string;
      ok: false;
      code: string;
      message: string;
      /** For a duplicate: our setup's id and name, so the page can link to it. */
      existing?: { companyId: string; name: string };
    };

/** POST /api/imports answers with one result per id given. */
export type ImportResponse = { results: ImportResult[] };

/** Codat calls for different companies run side by side, a few at a time (Codat rate-limits per key), through p-limit. */
const IMPORT_CONCURRENCY = 3;

/**
 * Imports many companies; each gets its own result, in the order given. One refusal, or one Codat
 * hiccup, never fails the others.
 */
export async function importCompanies(
  db: Db,
  codat: CodatClient,
  opts: { codatCompanyIds: readonly string[]; contactEmail?: string | null; actor: ImportActor; appUrl: string },
): Promise<ImportResult[]> {
  const limit = pLimit(IMPORT_CONCURRENCY);
  return Promise.all(
    opts.codatCompanyIds.map((codatCompanyId) => limit(() => importOne(db, codat, { ...opts, codatCompanyId }))),
  );
}

async function importOne(
  db: Db,
  codat: CodatClient,
  opts: { codatCompanyId: string; contactEmail?: string | null; actor: ImportActor; appUrl: string },
): Promise<ImportResult> {
  try {
    const { company, setupLink } = await importCompany(db, codat, opts);
    return {
      codatCompanyId: opts.codatCompanyId,
      ok: true,
      company: {
        id: company.id,
        name: company.name,
        codatCompanyId: company.codatCompanyId,
        reportedCompanyName: company.reportedCompanyName,
        baseCurrency: company.baseCurrency,
      },
      setupLink: { url: setupLink.url, shortCode: setupLink.shortCode, expiresAt: setupLink.expiresAt.toISOString() },
    };
  } catch (err) {
    return refusal(opts.codatCompanyId, err);
  }
}

function refusal(codatCompanyId: string, err: unknown): ImportResult {
  if (err instanceof AppError) {
    const details = (err.details ?? {}) as { companyId?: unknown; name?: unknown };
    const existing =
      err.code === "import_duplicate" && typeof details.companyId === "string" && typeof details.name === "string"
        ? { companyId: details.companyId, name: details.name }
        : undefined;
    return { codatCompanyId, ok: false, code: err.code, message: err.message, ...(existing ? { existing } : {}) };
  }
  if (isCodatError(err)) {
    log.warn("import: Codat call failed", { codatCompanyId, code: err.code, detail: err.detail });
    const answer = appErrorForCodat(err);
    return { codatCompanyId, ok: false, code: answer.code, message: `${answer.message} Nothing was created for this company.` };
  }
  log.error("import failed", { codatCompanyId, error: err });
  return { codatCompanyId, ok: false, code: "internal", message: "Something went wrong on our side. Check the list of setups before trying this company again." };
}
