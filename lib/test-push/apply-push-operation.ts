import type { Db } from "@/lib/db/client";
import type { PushOperation } from "@/lib/codat/types";
import { getTestPush, updateFollowedTestPush, updateRunningTestPush, type TestPushRow } from "@/lib/db/queries/test-pushes";
import { recordEvent } from "@/lib/db/queries/events";
import { classifyPush } from "@/lib/sage/diagnosis";
import { actorRef } from "@/lib/auth/actor";
import type { TestPushStatus } from "@/lib/sage/types";
import { LATE_FOLLOW_HOURS } from "@/lib/sage/test-push-status";
import { pushOperationEvidence } from "@/lib/codat-errors/explain-codat-error";
import type { CodatEvidence } from "@/lib/sage/codat-evidence";
import { evaluatePushHealth } from "@/lib/push-health/evaluate-push-health";
import { emitWebhookEvent } from "@/lib/outgoing-webhooks/emit-webhook-event";

const READ_PUSH_OPERATION = "GET /companies/{companyId}/push/{pushOperationKey}";

const FINAL: Record<PushOperation["status"], TestPushStatus | null> = {
  Pending: null,
  Success: "success",
  Failed: "failed",
  TimedOut: "timed_out",
};

/**
 * Applies what Codat reports about a test push's operation. A final outcome is applied once (the
 * update only matches a running push), whoever sees it first: a poller, the follower or a webhook;
 * it is written with its timeline event in one transaction, so no outcome goes unrecorded.
 *
 * A push our deadline timed out while Codat had no end state yet is still followed
 * (`followUntil`): Codat's late end state replaces our verdict, once (the update only matches a
 * push still followed), and the timeline says it came late.
 */
export async function applyPushOperation(db: Db, row: TestPushRow, op: PushOperation, source: "poll" | "webhook") {
  const status = FINAL[op.status];
  // A webhook carries the operation as Codat sent it; a poll reads it. The company's id stays out.
  const evidence = pushOperationEvidence(op, source === "webhook" ? "webhook" : READ_PUSH_OPERATION, { hide: [op.companyId] });
  const late = row.status === "timed_out" && row.followUntil !== null;
  if (late) {
    return status ? applyOutcome(db, row, op, { status, evidence, source, late: true }) : row;
  }
  if (!status) {
    if (row.status === "starting" || row.codatStatus !== op.status) {
      return (await updateRunningTestPush(db, row.id, { status: "pending", codatStatus: op.status, evidence })) ?? stored(db, row);
    }
    return row;
  }
  return applyOutcome(db, row, op, { status, evidence, source, late: false });
}

type Outcome = { status: TestPushStatus; evidence: CodatEvidence; source: "poll" | "webhook"; late: boolean };

async function applyOutcome(db: Db, row: TestPushRow, op: PushOperation, { status, evidence, source, late }: Outcome) {
  const completedAt = op.completedAt ? new Date(op.completedAt) : new Date();
  const diagnosisCode = classifyPush({
    testPush: {
      status,
      codatStatus: op.status,
      statusCode: op.statusCode,
      errorMessage: op.errorMessage,
      validation: op.validation,
      startedAt: row.startedAt,
      completedAt,
      deadlineAt: row.deadlineAt,
    },
    connection: { status: "Linked", lastSyncAt: null },
    setup: { everydayUsernames: [], flow: "new" },
    now: completedAt,
  });
  const update = late ? updateFollowedTestPush : updateRunningTestPush;
  const updated = await db.transaction(async (tx) => {
    const applied = await update(tx, row.id, {
      status,
      codatStatus: op.status,
      statusCode: op.statusCode,
      errorMessage: op.errorMessage,
      validation: op.validation,
      completedAt,
      diagnosisCode,
      evidence,
    });
    if (!applied) return null;
    await recordEvent(tx, {
      companyId: row.companyId,
      actor: actorRef({ type: "codat" }),
      type: `test_push.${status}`,
      data: {
        testPushId: row.id,
        pushOperationKey: op.key,
        codatStatus: op.status,
        errorMessage: op.errorMessage,
        diagnosisCode,
        seenBy: source,
        validationErrors: op.validation.errors.length,
        evidence,
        ...(late ? { late: true } : {}),
      },
    });
    await emitTestPushOutcome(tx, applied);
    // A passing test push proves a fix: push health (and its alert) follows.
    if (status === "success") await evaluatePushHealth(tx, row.companyId);
    return applied;
  });
  return updated ?? stored(db, row);
}

/**
 * Our own backstop: a push still running past its deadline is timed out, even if nobody is watching
 * (with its event, in one transaction). One Codat accepted is still followed for a day: Codat may
 * yet report it done, and a write can reach Sage 50 after a timeout.
 */
export async function expireTestPush(db: Db, row: TestPushRow, now = new Date()) {
  if (row.deadlineAt.getTime() > now.getTime()) return row;
  const updated = await db.transaction(async (tx) => {
    const expired = await updateRunningTestPush(tx, row.id, {
      status: row.pushOperationKey ? "timed_out" : "error",
      completedAt: now,
      diagnosisCode: row.pushOperationKey ? "connector_offline" : "codat_unavailable",
      errorMessage: row.pushOperationKey ? "No answer from the connector before the deadline." : "The test push never reached Codat.",
      followUntil: row.pushOperationKey ? new Date(row.startedAt.getTime() + LATE_FOLLOW_HOURS * 3_600_000) : null,
    });
    if (!expired) return null;
    await recordEvent(tx, {
      companyId: row.companyId,
      actor: actorRef({ type: "system" }),
      type: `test_push.${expired.status}`,
      data: {
        testPushId: row.id,
        pushOperationKey: row.pushOperationKey,
        reason: "deadline passed",
        followUntil: expired.followUntil?.toISOString() ?? null,
      },
    });
    await emitTestPushOutcome(tx, expired);
    return expired;
  });
  return updated ?? stored(db, row);
}

/**
 * The push as stored now, when a conditional update found it no longer running: a webhook, the
 * follower or another instance finished it first, and the caller must see that outcome, not the
 * running push it started from.
 */
async function stored(db: Db, row: TestPushRow): Promise<TestPushRow> {
  return (await getTestPush(db, row.companyId, row.id)) ?? row;
}

/** The integrator hears of a test push's final outcome: `test_push.succeeded`, or `test_push.failed` for every other end. */
async function emitTestPushOutcome(tx: Db, row: TestPushRow) {
  const type = row.status === "success" ? "test_push.succeeded" : "test_push.failed";
  await emitWebhookEvent(tx, type, { companyId: row.companyId, testPushId: row.id, status: row.status, diagnosisCode: row.diagnosisCode });
}
