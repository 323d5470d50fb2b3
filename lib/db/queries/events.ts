import { and, desc, eq, gt, inArray, lt } from "drizzle-orm";
import type { Db } from "../client";
import { companies } from "../schema/companies";
import { events, webhookEvents } from "../schema/events";
import type { ActorRef } from "@/lib/auth/actor";


/**
 * Appends to the log and marks the company as active, in one statement (a data-modifying WITH), so the
 * two never part, with or without a transaction around. The log is never updated or deleted.
 * `quiet`: an event that is not the setup's progress (a reminder sent) leaves the activity time alone.
 */
export async function recordEvent(
  db: Db,
  v: { companyId: string | null; actor: ActorRef; type: string; data?: Record<string, unknown>; quiet?: boolean },
) {
  const values = { companyId: v.companyId, ...v.actor, type: v.type, data: v.data ?? {} };
  if (!v.companyId || v.quiet) {
    const [row] = await db.insert(events).values(values).returning();
    return row!;
  }
  const touched = db
    .$with("touched")
    .as(db.update(companies).set({ lastActivityAt: new Date() }).where(eq(companies.id, v.companyId)).returning({ id: companies.id }));
  const [row] = await db.with(touched).insert(events).values(values).returning();
  return row!;
}

/** The company's timeline, newest first, paged by id. */
export async function listCompanyEvents(db: Db, companyId: string, opts: { before?: number; limit?: number } = {}) {
  return db
    .select()
    .from(events)
    .where(and(eq(events.companyId, companyId), opts.before ? lt(events.id, opts.before) : undefined))
    .orderBy(desc(events.id))
    .limit(opts.limit ?? 100);
}

/** The company's newest event of one type since `since`, or null. */
export async function findRecentEvent(db: Db, companyId: string, type: string, since: Date) {
  const [row] = await db
    .select()
    .from(events)
    .where(and(eq(events.companyId, companyId), eq(events.type, type), gt(events.createdAt, since)))
    .orderBy(desc(events.id))
    .limit(1);
  return row ?? null;
}

export async function isWebhookHandled(db: Db, id: string) {
  const [row] = await db.select({ id: webhookEvents.id }).from(webhookEvents).where(eq(webhookEvents.id, id)).limit(1);
  return row !== undefined;
}

/** Of these webhook ids, those already handled. */
export async function handledWebhookIds(db: Db, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.select({ id: webhookEvents.id }).from(webhookEvents).where(inArray(webhookEvents.id, ids));
  return new Set(rows.map((r) => r.id));
}

/** Marks several webhook deliveries handled in one statement (those already marked stay as they were). */
export async function markWebhooksHandled(db: Db, handled: { id: string; type: string }[]): Promise<void> {
  if (handled.length > 0) await db.insert(webhookEvents).values(handled).onConflictDoNothing();
}

/** Marks a webhook delivery handled; false when another request already did. */
export async function markWebhookHandled(db: Db, id: string, type: string) {
  const rows = await db.insert(webhookEvents).values({ id, type }).onConflictDoNothing().returning({ id: webhookEvents.id });
  return rows.length === 1;
}

/** Forgets webhook ids handled before `before` (the retention job); how many were forgotten. */
export async function pruneHandledWebhooks(db: Db, before: Date): Promise<number> {
  const rows = await db.delete(webhookEvents).where(lt(webhookEvents.receivedAt, before)).returning({ id: webhookEvents.id });
  return rows.length;
}
