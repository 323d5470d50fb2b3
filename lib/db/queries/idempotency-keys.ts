import { and, eq, isNull, lt, sql } from "drizzle-orm";
import type { Db } from "../client";
import { idempotencyKeys } from "../schema/staff";

export type IdempotencyKeyRow = typeof idempotencyKeys.$inferSelect;

/** Forgets the keys older than the window (bounded storage: at most a day of writes is kept). */
export async function deleteIdempotencyKeysBefore(db: Db, before: Date): Promise<void> {
  await db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, before));
}

/** Claims a key for one request: the new row, or null when the key is already taken (then read it). */
export async function insertIdempotencyKeyIfNone(db: Db, v: { apiKeyId: string; key: string; requestHash: string }): Promise<IdempotencyKeyRow | null> {
  const [row] = await db.insert(idempotencyKeys).values(v).onConflictDoNothing().returning();
  return row ?? null;
}

export async function findIdempotencyKey(db: Db, apiKeyId: string, key: string): Promise<IdempotencyKeyRow | null> {
  const [row] = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.apiKeyId, apiKeyId), eq(idempotencyKeys.key, key)))
    .limit(1);
  return row ?? null;
}

/** Takes over a claim whose request never answered (its process stopped), once it is older than `staleBefore`. */
export async function reclaimIdempotencyKey(db: Db, id: string, staleBefore: Date): Promise<IdempotencyKeyRow | null> {
  const [row] = await db
    .update(idempotencyKeys)
    .set({ claimedAt: sql`now()` })
    .where(and(eq(idempotencyKeys.id, id), isNull(idempotencyKeys.responseStatus), lt(idempotencyKeys.claimedAt, staleBefore)))
    .returning();
  return row ?? null;
}

export async function storeIdempotentResponse(db: Db, id: string, v: { status: number; body: unknown }): Promise<void> {
  await db.update(idempotencyKeys).set({ responseStatus: v.status, responseBody: v.body }).where(eq(idempotencyKeys.id, id));
}

/** A request that failed is not kept: the same key may be sent again. */
export async function releaseIdempotencyKey(db: Db, id: string): Promise<void> {
  await db.delete(idempotencyKeys).where(and(eq(idempotencyKeys.id, id), isNull(idempotencyKeys.responseStatus)));
}
