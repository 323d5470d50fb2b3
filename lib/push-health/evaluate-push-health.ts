import type { Db } from "@/lib/db/client";
import { latestFinishedWrites, oldestPendingWriteAt } from "@/lib/db/queries/push-writes";
import { closeOpenAlert, lockCompanyHealth, openAlert, storeCompanyHealth, updateOpenAlert } from "@/lib/db/queries/push-health";
import { recordEvent } from "@/lib/db/queries/events";
import { actorRef } from "@/lib/auth/actor";
import { emitWebhookEvent } from "@/lib/outgoing-webhooks/emit-webhook-event";
import { isAlertingState, pushHealth, PUSH_HEALTH_RULES, type PushHealth } from "@/lib/sage/push-health";

export type HealthChange = { from: PushHealth["state"]; health: PushHealth; alert: "opened" | "closed" | null };

/**
 * Recomputes a company's push health from what is stored (its connection, its latest writes, writes
 * still pending, whether its latest test push passed) with `pushHealth` (lib/sage/push-health.ts), stores it on the company and keeps its
 * alert: entering `failing` or `disconnected` opens one (at most one open per company: the partial
 * unique index `alerts_one_open_idx`), returning to `healthy` closes it; each change goes on the
 * timeline (`push_health.changed`, `alert.opened`, `alert.closed`).
 *
 * Runs inside the caller's transaction (the write, connection change or test-push outcome that prompted it): the
 * company row is locked while deciding, so two evaluations at once change it one after the other.
 */
export async function evaluatePushHealth(tx: Db, companyId: string, now = new Date()): Promise<HealthChange | null> {
  const company = await lockCompanyHealth(tx, companyId);
  if (!company) return null;
  const [writes, oldestPendingAt] = await Promise.all([
    latestFinishedWrites(tx, companyId, PUSH_HEALTH_RULES.window),
    oldestPendingWriteAt(tx, companyId),
  ]);
  const health = pushHealth({
    connectionStatus: company.connectionStatus,
    pushEnabled: company.pushEnabled,
    writes: writes.map((w) => ({ succeeded: w.outcome === "succeeded", at: w.completedAt ?? w.recordedAt, cause: w.diagnosisCode })),
    oldestPendingAt,
    lastTestPushPassedAt: company.latestTestPushStatus === "success" ? company.latestTestPushAt : null,
    now,
  });
  const changed = health.state !== company.state || health.cause !== company.cause;
  const since = health.state === company.state && company.since ? company.since : (health.since ?? now);
  await storeCompanyHealth(tx, companyId, { state: health.state, cause: health.cause, since, evaluatedAt: now });
  if (!changed) return null;

  const system = actorRef({ type: "system" });
  await recordEvent(tx, {
    companyId,
    actor: system,
    type: "push_health.changed",
    data: { from: company.state, to: health.state, cause: health.cause, reason: health.reason },
  });
  await emitWebhookEvent(tx, "push_health.changed", { companyId, from: company.state, health: health.state, cause: health.cause, now });
  let alert: HealthChange["alert"] = null;
  if (isAlertingState(health.state)) {
    const opened = await openAlert(tx, { companyId, healthState: health.state, cause: health.cause, openedAt: now });
    if (opened) {
      alert = "opened";
      await recordEvent(tx, { companyId, actor: system, type: "alert.opened", data: { alertId: opened.id, state: health.state, cause: health.cause } });
    } else {
      await updateOpenAlert(tx, companyId, { healthState: health.state, cause: health.cause });
    }
  } else if (health.state === "healthy") {
    const closed = await closeOpenAlert(tx, companyId, now);
    if (closed) {
      alert = "closed";
      await recordEvent(tx, { companyId, actor: system, type: "alert.closed", data: { alertId: closed.id, cause: closed.cause } });
    }
  }
  return { from: company.state, health, alert };
}
