import { getDb, type Db } from "@/lib/db/client";
import type { CodatClient } from "@/lib/codat/client";
import { getCodat } from "@/lib/codat/config";
import { isCodatError } from "@/lib/codat/errors";
import { getSupplierPushOptions } from "@/lib/codat/suppliers";
import { getCompany } from "@/lib/db/queries/companies";
import { log } from "@/lib/log";
import { sage50VersionNotes, type Sage50VersionNotes } from "@/lib/sage/sage-version-notes";

/** The page waits this long for Codat at most, retries included; the documented minimum is shown otherwise. */
const OPTIONS_TIMEOUT_MS = 3_000;

/**
 * The Sage 50 version notes for the "What you need" list: read from the company's connection's
 * supplier push options when it has a connection at Codat, else (or if Codat does not answer) the
 * documented minimum. The caller has already checked the client may see this company.
 */
export async function readSage50VersionNotes(db: Db, companyId: string, codat: CodatClient): Promise<Sage50VersionNotes> {
  const company = await getCompany(db, companyId);
  if (!company?.codatConnectionId) return sage50VersionNotes(null);
  try {
    const options = await getSupplierPushOptions(codat, company.codatCompanyId, company.codatConnectionId, {
      timeoutMs: OPTIONS_TIMEOUT_MS,
      signal: AbortSignal.timeout(OPTIONS_TIMEOUT_MS),
    });
    return sage50VersionNotes(options);
  } catch (err) {
    if (!isCodatError(err)) throw err;
    log.info("supplier push options unreadable for the version notes; documented minimum shown", { companyId, codatError: err.code });
    return sage50VersionNotes(null);
  }
}

/** For the before-start page: the app's database and Codat client. */
export async function loadSage50VersionNotes(companyId: string): Promise<Sage50VersionNotes> {
  return readSage50VersionNotes(await getDb(), companyId, getCodat());
}
