import { and, desc, eq, inArray, isNotNull, isNull, lt, lte, or, sql } from "drizzle-orm";
import type { Db } from "../client";
import { outboxMessages } from "../schema/email";
import type { EmailKind } from "../../sage/email-kinds";

export type OutboxRow = typeof outboxMessages.$inferSelect;
export type NewOutboxMessage = typeof outboxMessages.$inferInsert;

export async function insertOutboxMessage(db: Db, v: NewOutboxMessage): Promise<OutboxRow> {
  const [row] = await db.insert(outboxMessages).values(v).returning();
  return row!;
}

/**
 * Claims up to `limit` unsent messages that are due, for `leaseMs`: rows another sender holds are
 * skipped (FOR UPDATE SKIP LOCKED, and the claim itself is a conditional update), so two instances
 * never take the same message. Each claim counts as an attempt.
 */
export async function claimDueOutboxMessages(db: Db, opts: { now: Date; limit: number; leaseMs: number }): Promise<OutboxRow[]> {
  const free = or(isNull(outboxMessages.claimedUntil), lte(outboxMessages.claimedUntil, opts.now));
  const due = and(isNull(outboxMessages.sentAt), lte(outboxMessages.nextAttemptAt, opts.now), free);
  const ids = db
    .select({ id: outboxMessages.id })
    .from(outboxMessages)
    .where(due)
    .orderBy(outboxMessages.nextAttemptAt)
    .limit(opts.limit)
    .for("update", { skipLocked: true });
  return db
    .update(outboxMessages)
    .set({ claimedUntil: new Date(opts.now.getTime() + opts.leaseMs), attempts: sql`${outboxMessages.attempts} + 1` })
    .where(and(inArray(outboxMessages.id, ids), due))
    .returning();
}

/** Marks a message delivered, keeping its body with the secrets blanked out. */
export async function markOutboxSent(db: Db, id: string, v: { sentAt: Date; text: string; html: string | null }) {
  await db
    .update(outboxMessages)
    .set({ sentAt: v.sentAt, text: v.text, html: v.html, secrets: [], claimedUntil: null, lastError: null })
    .where(eq(outboxMessages.id, id));
}

export async function markOutboxFailed(db: Db, id: string, v: { error: string; nextAttemptAt: Date }) {
  await db
    .update(outboxMessages)
    .set({ lastError: v.error, nextAttemptAt: v.nextAttemptAt, claimedUntil: null })
    .where(eq(outboxMessages.id, id));
}

/** The outbox, newest first, optionally for one address or kind; `limit + 1` rows tell whether more follow. */
export async function listOutboxMessages(db: Db, opts: { to?: string; kind?: EmailKind; limit: number; offset: number }) {
  return db
    .select()
    .from(outboxMessages)
    .where(
      and(
        opts.to ? eq(sql`lower(${outboxMessages.to})`, opts.to.toLowerCase()) : undefined,
        opts.kind ? eq(outboxMessages.kind, opts.kind) : undefined,
      ),
    )
    .orderBy(desc(outboxMessages.createdAt), desc(outboxMessages.id))
    .limit(opts.limit)
    .offset(opts.offset);
}

/** Deletes messages sent before `before`; unsent messages (waiting or being retried) are never touched. */
export async function pruneSentOutboxMessages(db: Db, before: Date): Promise<number> {
  const rows = await db
    .delete(outboxMessages)
    // A message is created before it is sent: the created_at bound lets the delete use its index.
    .where(and(isNotNull(outboxMessages.sentAt), lt(outboxMessages.sentAt, before), lt(outboxMessages.createdAt, before)))
    .returning({ id: outboxMessages.id });
  return rows.length;
}
