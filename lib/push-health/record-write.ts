import type { Db } from "@/lib/db/client";
import type { CodatClient } from "@/lib/codat/client";
import type { WriteEvent } from "@/lib/codat/webhooks";
import type { CompanyRow } from "@/lib/db/queries/companies";
import { countWrite, isWriteFinished, pruneOldWrites, upsertPushWrite, type NewPushWrite } from "@/lib/db/queries/push-writes";
import type { PushWriteOutcome } from "@/lib/sage/push-health";
import { lockCompanyHealth } from "@/lib/db/queries/push-health";
import { diagnoseFailedWrite } from "./diagnose-failed-write";
import { evaluatePushHealth, type HealthChange } from "./evaluate-push-health";

export type RecordedWrite = { counted: boolean; outcome: PushWriteOutcome; health: HealthChange | null };

/**
 * Records one of the company's writes reported by a `{dataType}.write.*` webhook (not a test push):
 * a failed write is diagnosed first (reading Codat within the company's throttle, outside any
 * transaction), then, in one transaction, the write is stored once per push operation, counted for its
 * day and hour, older detail pruned, and the company's push health recomputed (`evaluatePushHealth`); the
 * company row is locked first, so one company's writes are recorded one at a time, in any instance.
 * A replay, or a webhook for an operation whose end is already recorded, counts nothing.
 */
export async function recordWrite(db: Db, codat: CodatClient, company: CompanyRow, event: WriteEvent, now = new Date()): Promise<RecordedWrite> {
  const { writes, health } = await recordWrites(db, codat, company, [event], now);
  return { ...writes[0]!, health };
}

/**
 * Several writes of one company as `recordWrite` records one, in one transaction with one health
 * evaluation after all of them (the inbox's drain applies a company's waiting writes this way). The
 * health is that of the last write: states the company would have passed through in between are not
 * stored or told.
 */
export async function recordWrites(
  db: Db,
  codat: CodatClient,
  company: CompanyRow,
  events: readonly WriteEvent[],
  now = new Date(),
): Promise<{ writes: { counted: boolean; outcome: PushWriteOutcome }[]; health: HealthChange | null }> {
  const prepared: { write: NewPushWrite | null; outcome: PushWriteOutcome }[] = [];
  for (const event of events) prepared.push(await prepareWrite(db, codat, company, event, now));
  if (prepared.every((p) => p.write === null)) return { writes: prepared.map((p) => ({ counted: false, outcome: p.outcome })), health: null };
  return db.transaction(async (tx) => {
    // The company row first: its writes then queue up one after the other here, instead of each holding
    // the day's count row while waiting for the company row another holds (a deadlock on PostgreSQL).
    await lockCompanyHealth(tx, company.id);
    const writes: { counted: boolean; outcome: PushWriteOutcome }[] = [];
    const storedOutcomes = new Set<PushWriteOutcome>();
    for (const { write, outcome } of prepared) {
      const stored = write ? await upsertPushWrite(tx, write) : null;
      if (!stored) {
        writes.push({ counted: false, outcome });
        continue;
      }
      storedOutcomes.add(outcome);
      if (stored.completedAt) {
        await countWrite(tx, { companyId: company.id, at: stored.completedAt, dataType: stored.dataType, succeeded: outcome === "succeeded" });
      }
      writes.push({ counted: stored.completedAt !== null, outcome });
    }
    if (storedOutcomes.size === 0) return { writes, health: null };
    for (const outcome of storedOutcomes) await pruneOldWrites(tx, company.id, outcome);
    return { writes, health: await evaluatePushHealth(tx, company.id, now) };
  });
}

/** The row to store for one write (a failure diagnosed first), or null for a failure already recorded. */
async function prepareWrite(
  db: Db,
  codat: CodatClient,
  company: CompanyRow,
  event: WriteEvent,
  now: Date,
): Promise<{ write: NewPushWrite | null; outcome: PushWriteOutcome }> {
  const { payload } = event;
  const outcome: PushWriteOutcome = payload.status === "Success" ? "succeeded" : payload.status === "Pending" ? "pending" : "failed";
  const requestedAt = dateOr(payload.requestedOnDate, null);
  const completedAt = outcome === "pending" ? null : dateOr(payload.completedOnDate, dateOr(event.generatedDate, now));
  const write: NewPushWrite = {
    companyId: company.id,
    pushOperationKey: payload.id,
    dataType: event.dataType,
    outcome,
    codatStatus: payload.status,
    requestedAt,
    completedAt,
  };
  if (outcome === "failed" && completedAt) {
    // A failure already recorded (delivered again under another webhook id) is not read from Codat again.
    if (await isWriteFinished(db, company.id, payload.id)) return { write: null, outcome };
    Object.assign(write, await diagnoseFailedWrite(db, codat, company, { key: payload.id, status: payload.status, requestedAt, completedAt }));
  }
  return { write, outcome };
}

function dateOr(value: string | null | undefined, fallback: Date | null): Date | null {
  const at = value ? new Date(value) : null;
  return at && !Number.isNaN(at.getTime()) ? at : fallback;
}
