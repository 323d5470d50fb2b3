import type { Db } from "@/lib/db/client";
import type { CodatClient } from "@/lib/codat/client";
import { findSupplier } from "@/lib/codat/suppliers";
import { isCodatError } from "@/lib/codat/errors";
import type { CompanyRow } from "@/lib/db/queries/companies";
import { recordEvent } from "@/lib/db/queries/events";
import { getLatestTestPush, getTestPush, updateTimedOutTestPush, type TestPushRow } from "@/lib/db/queries/test-pushes";
import { actorRef } from "@/lib/auth/actor";
import { log } from "@/lib/log";
import { refreshTestPush } from "./refresh-test-push";

/**
 * Before a new test push: did the company's latest push, when it timed out, reach Sage 50 after all?
 * Codat documents that a write may still land after a timeout, so pushing again could leave a second
 * test supplier. The push (if on the current connection) is first asked about again (a late end
 * state from Codat applies as usual), then its test supplier is looked up at Codat; found, it is
 * marked a success (with its event, once) and returned; null otherwise. Only the latest push is
 * checked: it is the one readiness reads, so the verdict shown and the one enforced stay the same.
 * A lookup Codat cannot answer is logged and skipped: the new push then goes ahead.
 */
export async function findLandedTestPush(db: Db, codat: CodatClient, company: CompanyRow): Promise<TestPushRow | null> {
  const earlier = await getLatestTestPush(db, company.id);
  if (!earlier || earlier.status !== "timed_out" || !earlier.pushOperationKey || earlier.connectionId !== company.codatConnectionId) {
    return null;
  }
  const refreshed = await refreshTestPush(db, codat, earlier, company, { force: true });
  if (refreshed.status === "success") return refreshed;
  if (refreshed.status !== "timed_out") return null;
  try {
    const found = await findSupplier(codat, company.codatCompanyId, refreshed.supplierRef);
    return found ? await markFound(db, refreshed) : null;
  } catch (err) {
    if (!isCodatError(err)) throw err;
    log.warn("earlier test supplier lookup failed", { testPushId: refreshed.id, code: err.code });
    return null;
  }
}

async function markFound(db: Db, row: TestPushRow): Promise<TestPushRow> {
  const now = new Date();
  const updated = await db.transaction(async (tx) => {
    const marked = await updateTimedOutTestPush(tx, row.id, { status: "success", diagnosisCode: "push_succeeded", completedAt: now });
    if (!marked) return null;
    await recordEvent(tx, {
      companyId: row.companyId,
      actor: actorRef({ type: "codat" }),
      type: "test_push.success",
      data: { testPushId: row.id, pushOperationKey: row.pushOperationKey, late: true, found: "supplier_exists", supplierRef: row.supplierRef },
    });
    return marked;
  });
  // Someone else settled it first: their outcome stands.
  return updated ?? (await getTestPush(db, row.companyId, row.id)) ?? row;
}
