import type { Db } from "@/lib/db/client";
import type { CodatError } from "@/lib/codat/errors";
import { findRecentEvent, recordEvent } from "@/lib/db/queries/events";
import { actorRef } from "@/lib/auth/actor";
import { log } from "@/lib/log";
import { codatErrorCode, codatErrorEvidence } from "./explain-codat-error";

const EVENT_TYPE = "codat.request_failed";

/**
 * A failed Codat request with no test push to keep it on (a connection check, say): its meaning and
 * what Codat said go to the company's timeline, for support. `quietForMs`: for checks that repeat on
 * their own (the wizard's polls), the same meaning is recorded once in that time, not on every poll.
 * `actionableOnly`: an outage or a rate limit (nothing anyone can fix) is only logged.
 */
export async function recordCodatFailure(
  db: Db,
  company: { id: string; codatCompanyId: string },
  err: CodatError,
  what: string,
  opts: { quietForMs?: number; actionableOnly?: boolean } = {},
): Promise<void> {
  const diagnosisCode = codatErrorCode(err);
  const evidence = codatErrorEvidence(err, { hide: [company.codatCompanyId] });
  log.warn("Codat request failed", { companyId: company.id, what, code: diagnosisCode, detail: err.detail });
  if (opts.actionableOnly && (diagnosisCode === "codat_unavailable" || diagnosisCode === "rate_limited")) return;
  if (opts.quietForMs) {
    const recent = await findRecentEvent(db, company.id, EVENT_TYPE, new Date(Date.now() - opts.quietForMs));
    if (recent && recent.data.diagnosisCode === diagnosisCode && recent.data.what === what) return;
  }
  await recordEvent(db, { companyId: company.id, actor: actorRef({ type: "system" }), type: EVENT_TYPE, data: { what, diagnosisCode, evidence } });
}
