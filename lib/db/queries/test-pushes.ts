import { and, desc, eq, gt, inArray, isNotNull, isNull, lt, or, sql } from "drizzle-orm";
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

/** Pushes our deadline timed out that are still followed for a late answer from Codat (see `followUntil`). */
export async function listFollowedTestPushes(db: Db, now: Date, limit = 100) {
  return db
    .select()
    .from(testPushes)
    .where(and(eq(testPushes.status, "timed_out"), gt(testPushes.followUntil, now)))
    .orderBy(testPushes.refreshedAt)
    .limit(limit);
}

/** Still waiting for an answer from Codat: running, or timed out by us and followed. */
const awaitingCodat = () =>
  or(inArray(testPushes.status, RUNNING_TEST_PUSH_STATUSES), and(eq(testPushes.status, "timed_out"), isNotNull(testPushes.followUntil)));

/**
 * Claims the right to ask Codat about this push now: succeeds for one caller per interval,
 * across every poller and app instance, because the database decides. Running pushes and pushes
 * still followed past our deadline can be claimed (the caller picks the interval).
 */
export async function claimTestPushRefresh(db: Db, id: string, minIntervalMs: number): Promise<boolean> {
  const rows = await db
    .update(testPushes)
    .set({ refreshedAt: sql`now()` })
    .where(
      and(
        eq(testPushes.id, id),
        awaitingCodat(),
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

/**
 * Applies Codat's late answer to a push our deadline timed out: matches only while it is still
 * followed, and stops following it, so a poll, the follower and a webhook apply it once.
 */
export async function updateFollowedTestPush(db: Db, id: string, patch: Partial<NewTestPush>) {
  const [row] = await db
    .update(testPushes)
    .set({ ...patch, followUntil: null })
    .where(and(eq(testPushes.id, id), eq(testPushes.status, "timed_out"), isNotNull(testPushes.followUntil)))
    .returning();
  return row ?? null;
}

/**
 * Our timed-out verdict replaced by what Codat shows later (the test supplier found in Sage 50):
 * matches only a push still timed out, so the change is applied once.
 */
export async function updateTimedOutTestPush(db: Db, id: string, patch: Partial<NewTestPush>) {
  const [row] = await db
    .update(testPushes)
    .set({ ...patch, followUntil: null })
    .where(and(eq(testPushes.id, id), eq(testPushes.status, "timed_out")))
    .returning();
  return row ?? null;
}
