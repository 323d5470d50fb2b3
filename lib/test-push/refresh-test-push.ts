import type { Db } from "@/lib/db/client";
import type { CodatClient } from "@/lib/codat/client";
import { getPushOperation } from "@/lib/codat/push-operations";
import { isCodatError } from "@/lib/codat/errors";
import { codatErrorCode, codatErrorEvidence } from "@/lib/codat-errors/explain-codat-error";
import { claimTestPushRefresh, updateRunningTestPush, type TestPushRow } from "@/lib/db/queries/test-pushes";
import type { CompanyRow } from "@/lib/db/queries/companies";
import { log } from "@/lib/log";
import { applyPushOperation, expireTestPush } from "./apply-push-operation";
import { TEST_PUSH_LATE_REFRESH_INTERVAL_MS, TEST_PUSH_REFRESH_INTERVAL_MS, TEST_PUSH_START_STALE_MS } from "./constants";
import { isTestPushRunning } from "@/lib/sage/test-push-status";

/**
 * Brings a running test push up to date. Codat is asked at most once per interval per push, across
 * all pollers and app instances (the claim is a conditional update in the database); everyone else
 * reads what is stored. Past its deadline a push is timed out whether or not Codat answers.
 * The claim is a write of its own, made before Codat is asked (no transaction is held across the
 * call): a crash after it only delays the next refresh by one interval. The outcome is then written
 * with its event in one transaction (`applyPushOperation`, `expireTestPush`).
 *
 * A push timed out by our deadline is still followed until Codat reports an end state or its
 * `followUntil` passes, asked at most once a minute (`TEST_PUSH_LATE_REFRESH_INTERVAL_MS`).
 */
export async function refreshTestPush(
  db: Db,
  codat: CodatClient,
  row: TestPushRow,
  company: Pick<CompanyRow, "codatCompanyId">,
  opts: { force?: boolean; now?: Date } = {},
): Promise<TestPushRow> {
  const now = opts.now ?? new Date();
  if (isFollowedLate(row, now)) return askCodat(db, codat, row, company, TEST_PUSH_LATE_REFRESH_INTERVAL_MS, opts.force === true, now);
  if (!isTestPushRunning(row.status)) return row;
  if (!row.pushOperationKey) {
    // Started but never got an answer from Codat (the process stopped mid-way): give it up after a while.
    if (now.getTime() - row.startedAt.getTime() > TEST_PUSH_START_STALE_MS) return expireTestPush(db, { ...row, deadlineAt: now }, now);
    return row;
  }
  row = await askCodat(db, codat, row, company, TEST_PUSH_REFRESH_INTERVAL_MS, opts.force === true, now);
  return row.status === "pending" ? expireTestPush(db, row, now) : row;
}

/** Timed out by our deadline, with an operation at Codat still followed for a late answer. */
function isFollowedLate(row: TestPushRow, now: Date): boolean {
  return row.status === "timed_out" && row.pushOperationKey !== null && row.followUntil !== null && row.followUntil.getTime() > now.getTime();
}

/** Asks Codat about the push when `intervalMs` allows (or when forced, for a webhook) and applies the answer. */
async function askCodat(
  db: Db,
  codat: CodatClient,
  row: TestPushRow,
  company: Pick<CompanyRow, "codatCompanyId">,
  intervalMs: number,
  force: boolean,
  now: Date,
): Promise<TestPushRow> {
  if (!row.pushOperationKey) return row;
  // The row in hand already says whether a refresh can be due: no write for most polls.
  const due = !row.refreshedAt || now.getTime() - row.refreshedAt.getTime() >= intervalMs;
  if (!force && !(due && (await claimTestPushRefresh(db, row.id, intervalMs)))) return row;
  try {
    const op = await getPushOperation(codat, company.codatCompanyId, row.pushOperationKey);
    return await applyPushOperation(db, row, op, "poll");
  } catch (err) {
    if (!isCodatError(err)) throw err;
    log.warn("test push refresh failed", { testPushId: row.id, code: codatErrorCode(err), status: err.status });
    // What Codat said stays on the push for support; the push itself keeps its state until an answer.
    const evidence = codatErrorEvidence(err, { hide: [company.codatCompanyId] });
    return (await updateRunningTestPush(db, row.id, { evidence })) ?? row;
  }
}
