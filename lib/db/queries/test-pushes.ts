import { and, desc, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import type { Db } from "../client";
import { testPushes } from "../schema/test-pushes";
import { RUNNING_TEST_PUSH_STATUSES } from "@/lib/sage/test-push-status";

export type TestPushRow = typeof testPushes.$inferSelect;
export type NewTestPush = typeof testPushes.$inferInsert;

/**
 * Inserts a test push unless the company already has one running (or one with this idempotency key):
 * the unique indexes decide, so concurrent starts from any number of instances yield one row.
 */
export async function insertTestPushIfNone(db: Db, v: NewTestPush): Promise<TestPushRow | null> {
  const [row] = await db.insert(testPushes).values(v).onConflictDoNothing().returning();
  return row ?? null;
}

export async function findTestPushByIdempotencyKey(db: Db, companyId: string, key: string) {
  const [row] = await db
    .select()
    .from(testPushes)
    .where(and(eq(testPushes.companyId, companyId), eq(testPushes.idempotencyKey, key)))
    .limit(1);
  return row ?? null;
}

export async function getRunningTestPush(db: Db, companyId: string) {
  const [row] = await db
    .select()
    .from(testPushes)
    .where(and(eq(testPushes.companyId, companyId), inArray(testPushes.status, RUNNING_TEST_PUSH_STATUSES)))
    .limit(1);
  return row ?? null;
}

export async function getLatestTestPush(db: Db, companyId: string) {
  const [row] = await db
    .select()
    .from(testPushes)
    .where(eq(testPushes.companyId, companyId))
    .orderBy(desc(testPushes.startedAt))
    .limit(1);
  return row ?? null;
}

export async function getTestPush(db: Db, companyId: string, id: string) {
  const [row] = await db
    .select()
    .from(testPushes)
    .where(and(eq(testPushes.companyId, companyId), or(eq(testPushes.id, id), eq(testPushes.pushOperationKey, id))))
    .limit(1);
  return row ?? null;
}

export async function findTestPushByOperationKey(db: Db, key: string) {
  const [row] = await db.select().from(testPushes).where(eq(testPushes.pushOperationKey, key)).limit(1);
  return row ?? null;
}

export async function listTestPushes(db: Db, companyId: string, limit = 20) {
  return db
    .select()
    .from(testPushes)
    .where(eq(testPushes.companyId, companyId))
    .orderBy(desc(testPushes.startedAt))
    .limit(limit);
}

export async function listRunningTestPushes(db: Db, limit = 100) {
  return db.select().from(testPushes).where(inArray(testPushes.status, RUNNING_TEST_PUSH_STATUSES)).limit(limit);
}

/**
 * Claims the right to ask Codat about this push now: succeeds for one caller per interval,
 * across every poller and app instance, because the database decides.
 */
export async function claimTestPushRefresh(db: Db, id: string, minIntervalMs: number): Promise<boolean> {
  const rows = await db
    .update(testPushes)
    .set({ refreshedAt: sql`now()` })
    .where(
      and(
        eq(testPushes.id, id),
        inArray(testPushes.status, RUNNING_TEST_PUSH_STATUSES),
        or(isNull(testPushes.refreshedAt), lt(testPushes.refreshedAt, sql`now() - make_interval(secs => ${minIntervalMs / 1000})`)),
      ),
    )
    .returning({ id: testPushes.id });
  return rows.length === 1;
}

/** Moves a running push on; a push already finished is left alone (returns null), so each outcome is applied once. */
export async function updateRunningTestPush(db: Db, id: string, patch: Partial<NewTestPush>) {
  const [row] = await db
    .update(testPushes)
    .set(patch)
    .where(and(eq(testPushes.id, id), inArray(testPushes.status, RUNNING_TEST_PUSH_STATUSES)))
    .returning();
  return row ?? null;
}
