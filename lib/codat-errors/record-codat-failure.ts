import type { Db } from "@/lib/db/client";
import type { CodatError } from "@/lib/codat/errors";
import { recordEvent } from "@/lib/db/queries/events";
import { actorRef } from "@/lib/auth/actor";
import { log } from "@/lib/log";
import { codatErrorCode, codatErrorEvidence } from "./explain-codat-error";

/**
 * A failed Codat request that stopped something a person asked for (no test push row to keep it
 * on): its meaning and what Codat said go to the company's timeline, for support.
 */
export async function recordCodatFailure(
  db: Db,
  company: { id: string; codatCompanyId: string },
  err: CodatError,
  what: string,
): Promise<void> {
  const diagnosisCode = codatErrorCode(err);
  const evidence = codatErrorEvidence(err, { hide: [company.codatCompanyId] });
  log.warn("Codat request failed", { companyId: company.id, what, code: diagnosisCode, detail: err.detail });
  await recordEvent(db, {
    companyId: company.id,
    actor: actorRef({ type: "system" }),
    type: "codat.request_failed",
    data: { what, diagnosisCode, evidence },
  });
}
