import { and, asc, count, desc, eq, inArray, isNotNull, isNull, lt, lte, min, or, sql } from "drizzle-orm";
import type { Db } from "../client";
import { codatWebhookInbox } from "../schema/codat-webhook-inbox";
import { webhookEvents } from "../schema/events";

export type InboxRow = typeof codatWebhookInbox.$inferSelect;

/**
 * Keeps one verified webhook to apply later: one statement, so it is committed before the route
 * answers. False when its id is already waiting (or parked as failed) or was already handled: a
 * delivery of an event seen before, which adds nothing.
 */
export async function queueInboxWebhook(db: Db, input: { id: string; eventType: string; event: Record<string, unknown> }): Promise<boolean> {
  const t = codatWebhookInbox;
  const result = (await db.execute(sql`
    insert into ${t} (${sql.identifier(t.id.name)}, ${sql.identifier(t.eventType.name)}, ${sql.identifier(t.event.name)})
    select ${input.id}, ${input.eventType}, ${JSON.stringify(input.event)}::jsonb
    where not exists (select 1 from ${webhookEvents} where ${webhookEvents.id} = ${input.id})
    on conflict do nothing
    returning ${sql.identifier(t.id.name)}`)) as unknown as { rows: unknown[] };
  return result.rows.length === 1;
}

/**
 * Claims up to `limit` waiting rows that are due, oldest first, for `leaseMs`: skipped when another
 * drain holds them (`for update skip locked`), and each claim counts as an attempt, so a row whose
 * drain keeps dying ends up failed too. A row never tried is due at once, whatever `now` says: its
 * first `next_attempt_at` is the database's clock (to the microsecond), and a drain's `now` read a
 * moment later in milliseconds, or from a clock a little behind the database's, may be before it.
 */
export async function claimInboxWebhooks(db: Db, opts: { now: Date; limit: number; leaseMs: number }): Promise<InboxRow[]> {
  const t = codatWebhookInbox;
  const due = db
    .select({ id: t.id })
    .from(t)
    .where(and(isNull(t.failedAt), or(eq(t.attempts, 0), lte(t.nextAttemptAt, opts.now))))
    .orderBy(asc(t.receivedAt))
    .limit(opts.limit)
    .for("update", { skipLocked: true });
  const rows = await db
    .update(t)
    .set({ nextAttemptAt: new Date(opts.now.getTime() + opts.leaseMs), attempts: sql`${t.attempts} + 1` })
    .where(and(inArray(t.id, due), isNull(t.failedAt)))
    .returning();
  return rows.sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime());
}

/** An applied row leaves the inbox. */
export async function removeInboxWebhooks(db: Db, ids: string[]): Promise<void> {
  if (ids.length > 0) await db.delete(codatWebhookInbox).where(inArray(codatWebhookInbox.id, ids));
}

/** A failed attempt: tried again at `retryAt`, or, with `retryAt` null, parked as failed with its error. */
export async function recordInboxFailure(db: Db, input: { id: string; error: string; retryAt: Date | null; now: Date }): Promise<void> {
  await db
    .update(codatWebhookInbox)
    .set(input.retryAt ? { lastError: input.error, nextAttemptAt: input.retryAt } : { lastError: input.error, failedAt: input.now })
    .where(eq(codatWebhookInbox.id, input.id));
}

export type InboxCounts = { waiting: number; failed: number; oldestWaitingAt: Date | null };

export async function countInbox(db: Db): Promise<InboxCounts> {
  const t = codatWebhookInbox;
  const [waiting] = await db.select({ n: count(), oldest: min(t.receivedAt) }).from(t).where(isNull(t.failedAt));
  const [failed] = await db.select({ n: count() }).from(t).where(isNotNull(t.failedAt));
  return { waiting: Number(waiting?.n ?? 0), failed: Number(failed?.n ?? 0), oldestWaitingAt: waiting?.oldest ? new Date(waiting.oldest) : null };
}

/** The newest rows parked as failed, with their errors. */
export async function listFailedInboxWebhooks(db: Db, limit: number): Promise<InboxRow[]> {
  const t = codatWebhookInbox;
  return db.select().from(t).where(isNotNull(t.failedAt)).orderBy(desc(t.failedAt)).limit(limit);
}

/** Failed rows are kept this long for support, then deleted (bounded storage). */
export async function pruneFailedInboxWebhooks(db: Db, before: Date): Promise<void> {
  await db.delete(codatWebhookInbox).where(and(isNotNull(codatWebhookInbox.failedAt), lt(codatWebhookInbox.failedAt, before)));
}
