import { and, desc, eq, gte, inArray, isNotNull, lt, min, notInArray, sql } from "drizzle-orm";
import { companies } from "../schema/companies";
import type { Db } from "../client";
import { pushWriteDays, pushWriteHours, pushWrites } from "../schema/push-health";
import type { PushWriteOutcome } from "@/lib/sage/push-health";

export type PushWriteRow = typeof pushWrites.$inferSelect;
export type NewPushWrite = Omit<typeof pushWrites.$inferInsert, "id" | "recordedAt">;

/** Per company and outcome, the newest this many writes are kept (so the last 50 failures keep their detail). */
export const RECENT_WRITES_KEPT = 50;
/** Daily counts are kept this many days. */
const WRITE_DAYS_KEPT = 90;
/** Hourly counts are kept this many hours (the API's last 24 hours, with room to spare). */
const WRITE_HOURS_KEPT = 48;
const HOUR_MS = 3_600_000;

/**
 * Records one write, once per push operation: a new operation is inserted; a pending one becomes
 * final; anything else (a replay, or a late "pending" after the end state) changes nothing and
 * returns null, so the caller counts each operation's end once, whatever order webhooks arrive in.
 */
export async function upsertPushWrite(db: Db, write: NewPushWrite): Promise<PushWriteRow | null> {
  const [row] = await db
    .insert(pushWrites)
    .values(write)
    .onConflictDoUpdate({
      target: [pushWrites.companyId, pushWrites.pushOperationKey],
      set: {
        outcome: sql`excluded.outcome`,
        codatStatus: sql`excluded.codat_status`,
        completedAt: sql`excluded.completed_at`,
        diagnosisCode: sql`excluded.diagnosis_code`,
        confidence: sql`excluded.confidence`,
        diagnosisReason: sql`excluded.diagnosis_reason`,
        candidates: sql`excluded.candidates`,
        evidence: sql`excluded.evidence`,
        recordedAt: sql`now()`,
      },
      setWhere: sql`${pushWrites.outcome} = 'pending' and excluded.outcome <> 'pending'`,
    })
    .returning();
  return row ?? null;
}

/** Deletes the company's writes of one outcome beyond the newest `RECENT_WRITES_KEPT`. */
export async function pruneOldWrites(db: Db, companyId: string, outcome: PushWriteOutcome): Promise<void> {
  const kept = db
    .select({ id: pushWrites.id })
    .from(pushWrites)
    .where(and(eq(pushWrites.companyId, companyId), eq(pushWrites.outcome, outcome)))
    .orderBy(desc(pushWrites.recordedAt))
    .limit(RECENT_WRITES_KEPT);
  await db.delete(pushWrites).where(and(eq(pushWrites.companyId, companyId), eq(pushWrites.outcome, outcome), notInArray(pushWrites.id, kept)));
}

/**
 * Adds one finished write (completed `at`) to the company's count for that UTC day and data type, and
 * for that UTC hour. When the day's row is new, days older than `WRITE_DAYS_KEPT` are deleted (at most
 * once a day per company and type); likewise hours older than `WRITE_HOURS_KEPT`.
 */
export async function countWrite(db: Db, v: { companyId: string; at: Date; dataType: string; succeeded: boolean }): Promise<void> {
  const [row] = await db
    .insert(pushWriteDays)
    .values({ companyId: v.companyId, day: utcDay(v.at), dataType: v.dataType, succeeded: v.succeeded ? 1 : 0, failed: v.succeeded ? 0 : 1 })
    .onConflictDoUpdate({
      target: [pushWriteDays.companyId, pushWriteDays.day, pushWriteDays.dataType],
      set: v.succeeded ? { succeeded: sql`${pushWriteDays.succeeded} + 1` } : { failed: sql`${pushWriteDays.failed} + 1` },
    })
    .returning({ inserted: sql<boolean>`(xmax = 0)` });
  if (row?.inserted) {
    await db
      .delete(pushWriteDays)
      .where(and(eq(pushWriteDays.companyId, v.companyId), sql`${pushWriteDays.day} < ${utcDay(v.at)}::date - ${WRITE_DAYS_KEPT}::int`));
  }
  await countWriteHour(db, { companyId: v.companyId, hour: startOfHour(v.at), succeeded: v.succeeded });
}

/** Adds one finished write to the company's count for its UTC hour; a new hour's row deletes hours older than `WRITE_HOURS_KEPT`. */
async function countWriteHour(db: Db, v: { companyId: string; hour: Date; succeeded: boolean }): Promise<void> {
  const [row] = await db
    .insert(pushWriteHours)
    .values({ companyId: v.companyId, hour: v.hour, succeeded: v.succeeded ? 1 : 0, failed: v.succeeded ? 0 : 1 })
    .onConflictDoUpdate({
      target: [pushWriteHours.companyId, pushWriteHours.hour],
      set: v.succeeded ? { succeeded: sql`${pushWriteHours.succeeded} + 1` } : { failed: sql`${pushWriteHours.failed} + 1` },
    })
    .returning({ inserted: sql<boolean>`(xmax = 0)` });
  if (row?.inserted) {
    await db
      .delete(pushWriteHours)
      .where(and(eq(pushWriteHours.companyId, v.companyId), lt(pushWriteHours.hour, new Date(v.hour.getTime() - WRITE_HOURS_KEPT * HOUR_MS))));
  }
}

/** The start of the UTC hour `at` falls in. */
export function startOfHour(at: Date): Date {
  return new Date(Math.floor(at.getTime() / HOUR_MS) * HOUR_MS);
}

/** The company's writes succeeded and failed in the UTC hours from `fromHour` on, summed. */
export async function sumWriteHours(db: Db, companyId: string, fromHour: Date): Promise<{ succeeded: number; failed: number }> {
  const [row] = await db
    .select({ succeeded: sql<number>`coalesce(sum(${pushWriteHours.succeeded}), 0)::int`, failed: sql<number>`coalesce(sum(${pushWriteHours.failed}), 0)::int` })
    .from(pushWriteHours)
    .where(and(eq(pushWriteHours.companyId, companyId), gte(pushWriteHours.hour, fromHour)));
  return { succeeded: Number(row?.succeeded ?? 0), failed: Number(row?.failed ?? 0) };
}

/** The company's latest finished writes, newest (by Codat's completion time) first. */
export async function latestFinishedWrites(db: Db, companyId: string, limit: number) {
  return db
    .select({ outcome: pushWrites.outcome, completedAt: pushWrites.completedAt, recordedAt: pushWrites.recordedAt, diagnosisCode: pushWrites.diagnosisCode })
    .from(pushWrites)
    .where(and(eq(pushWrites.companyId, companyId), inArray(pushWrites.outcome, ["succeeded", "failed"])))
    .orderBy(desc(pushWrites.completedAt), desc(pushWrites.recordedAt))
    .limit(limit);
}

/** When the company's oldest still-pending write was requested, or null. */
export async function oldestPendingWriteAt(db: Db, companyId: string): Promise<Date | null> {
  const [row] = await db
    .select({ at: min(pushWrites.requestedAt) })
    .from(pushWrites)
    .where(and(eq(pushWrites.companyId, companyId), eq(pushWrites.outcome, "pending"), isNotNull(pushWrites.requestedAt)));
  return row?.at ?? null;
}

/** The company's latest failed writes with their evidence and diagnosis, newest first. */
export async function listFailedWrites(db: Db, companyId: string, limit = RECENT_WRITES_KEPT): Promise<PushWriteRow[]> {
  return db
    .select()
    .from(pushWrites)
    .where(and(eq(pushWrites.companyId, companyId), eq(pushWrites.outcome, "failed")))
    .orderBy(desc(pushWrites.completedAt), desc(pushWrites.recordedAt))
    .limit(limit);
}

/** Writes per UTC day and data type from `fromDay` (YYYY-MM-DD) on, oldest first. */
export async function listWriteDays(db: Db, companyId: string, fromDay: string) {
  return db
    .select({ day: pushWriteDays.day, dataType: pushWriteDays.dataType, succeeded: pushWriteDays.succeeded, failed: pushWriteDays.failed })
    .from(pushWriteDays)
    .where(and(eq(pushWriteDays.companyId, companyId), sql`${pushWriteDays.day} >= ${fromDay}::date`))
    .orderBy(pushWriteDays.day, pushWriteDays.dataType);
}

/** When the company's latest write succeeded and the latest failed (Codat's completion time), or null. */
export async function lastWriteTimes(db: Db, companyId: string): Promise<{ lastSuccessAt: Date | null; lastFailureAt: Date | null }> {
  const [row] = await db
    .select({
      lastSuccessAt: sql<string | null>`max(${pushWrites.completedAt}) filter (where ${pushWrites.outcome} = 'succeeded')`,
      lastFailureAt: sql<string | null>`max(${pushWrites.completedAt}) filter (where ${pushWrites.outcome} = 'failed')`,
    })
    .from(pushWrites)
    .where(eq(pushWrites.companyId, companyId));
  const date = (v: string | Date | null | undefined) => (v ? new Date(v) : null);
  return { lastSuccessAt: date(row?.lastSuccessAt), lastFailureAt: date(row?.lastFailureAt) };
}

/**
 * Companies with a write pending since before `olderThan` whose stored health does not show it yet
 * (healthy or unknown), at most `limit`.
 */
export async function listCompaniesWithStalePending(db: Db, olderThan: Date, limit = 100): Promise<string[]> {
  const rows = await db
    .selectDistinct({ companyId: pushWrites.companyId })
    .from(pushWrites)
    .innerJoin(companies, eq(companies.id, pushWrites.companyId))
    .where(
      and(
        eq(pushWrites.outcome, "pending"),
        lt(pushWrites.requestedAt, olderThan),
        inArray(companies.pushHealthState, ["healthy", "unknown"]),
      ),
    )
    .limit(limit);
  return rows.map((r) => r.companyId);
}

/** Whether the company's write with this operation key is already recorded with an end state. */
export async function isWriteFinished(db: Db, companyId: string, pushOperationKey: string): Promise<boolean> {
  const [row] = await db
    .select({ outcome: pushWrites.outcome })
    .from(pushWrites)
    .where(and(eq(pushWrites.companyId, companyId), eq(pushWrites.pushOperationKey, pushOperationKey)))
    .limit(1);
  return row !== undefined && row.outcome !== "pending";
}

function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}
