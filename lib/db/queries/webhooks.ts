import { and, arrayContains, desc, eq, inArray, isNull, lt, lte, or, sql } from "drizzle-orm";
import type { Db } from "../client";
import { webhookAttempts, webhookDeliveries, webhookEndpoints } from "../schema/webhooks";
import type { WebhookEventType } from "../../sage/webhook-events";

export type WebhookEndpointRow = typeof webhookEndpoints.$inferSelect;
export type WebhookDeliveryRow = typeof webhookDeliveries.$inferSelect;

export async function insertWebhookEndpoint(db: Db, v: typeof webhookEndpoints.$inferInsert): Promise<WebhookEndpointRow> {
  const [row] = await db.insert(webhookEndpoints).values(v).returning();
  return row!;
}

export async function listWebhookEndpointRows(db: Db): Promise<WebhookEndpointRow[]> {
  return db.select().from(webhookEndpoints).orderBy(webhookEndpoints.createdAt, webhookEndpoints.id);
}

export async function getWebhookEndpoint(db: Db, id: string): Promise<WebhookEndpointRow | null> {
  const [row] = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id));
  return row ?? null;
}

export async function deleteWebhookEndpointRow(db: Db, id: string): Promise<boolean> {
  const rows = await db.delete(webhookEndpoints).where(eq(webhookEndpoints.id, id)).returning({ id: webhookEndpoints.id });
  return rows.length > 0;
}

export async function updateWebhookEndpoint(db: Db, id: string, patch: Partial<Omit<WebhookEndpointRow, "id" | "createdAt">>) {
  const [row] = await db.update(webhookEndpoints).set(patch).where(eq(webhookEndpoints.id, id)).returning();
  return row ?? null;
}

/** The live endpoints subscribed to an event type. */
export async function listSubscribedEndpointIds(db: Db, type: WebhookEventType): Promise<string[]> {
  const rows = await db
    .select({ id: webhookEndpoints.id })
    .from(webhookEndpoints)
    .where(and(isNull(webhookEndpoints.disabledAt), arrayContains(webhookEndpoints.events, [type])));
  return rows.map((r) => r.id);
}

export async function insertWebhookDeliveries(db: Db, rows: (typeof webhookDeliveries.$inferInsert)[]): Promise<WebhookDeliveryRow[]> {
  if (rows.length === 0) return [];
  return db.insert(webhookDeliveries).values(rows).returning();
}

export async function getWebhookDelivery(db: Db, endpointId: string, id: string): Promise<WebhookDeliveryRow | null> {
  const [row] = await db
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.id, id), eq(webhookDeliveries.endpointId, endpointId)));
  return row ?? null;
}

/**
 * Claims up to `limit` due deliveries for `leaseMs`, each the oldest unfinished one of its endpoint
 * and setup (so a setup's events reach an endpoint in order, one at a time), of a live endpoint.
 * Rows another sender holds are skipped (FOR UPDATE SKIP LOCKED) and the claim is a conditional
 * update, so two instances never send one delivery at once.
 */
export async function claimDueWebhookDeliveries(db: Db, opts: { now: Date; limit: number; leaseMs: number }): Promise<WebhookDeliveryRow[]> {
  const d = webhookDeliveries;
  const free = or(isNull(d.claimedUntil), lte(d.claimedUntil, opts.now));
  const due = and(eq(d.status, "pending"), lte(d.nextAttemptAt, opts.now), free);
  const first = sql`not exists (select 1 from ${webhookDeliveries} as earlier where earlier.endpoint_id = ${d.endpointId}
    and earlier.company_id is not distinct from ${d.companyId} and earlier.status = 'pending' and earlier.seq < ${d.seq})`;
  const live = sql`exists (select 1 from ${webhookEndpoints} where ${webhookEndpoints.id} = ${d.endpointId} and ${webhookEndpoints.disabledAt} is null)`;
  const ids = db
    .select({ id: d.id })
    .from(d)
    .where(and(due, first, live))
    .orderBy(d.seq)
    .limit(opts.limit)
    .for("update", { skipLocked: true });
  return db
    .update(d)
    .set({ claimedUntil: new Date(opts.now.getTime() + opts.leaseMs), attempts: sql`${d.attempts} + 1` })
    .where(and(inArray(d.id, ids), due))
    .returning();
}

export async function finishWebhookDelivery(
  db: Db,
  id: string,
  v: { status: "delivered" | "failed" | "pending"; at: Date; nextAttemptAt?: Date },
) {
  await db
    .update(webhookDeliveries)
    .set({
      status: v.status,
      claimedUntil: null,
      finishedAt: v.status === "pending" ? null : v.at,
      ...(v.nextAttemptAt ? { nextAttemptAt: v.nextAttemptAt } : {}),
    })
    .where(eq(webhookDeliveries.id, id));
}

export async function insertWebhookAttempt(db: Db, v: typeof webhookAttempts.$inferInsert) {
  await db.insert(webhookAttempts).values(v);
}

/** An endpoint's recent tries, newest first, with the event each carried. */
export async function listEndpointAttempts(db: Db, endpointId: string, limit: number) {
  return db
    .select({
      id: webhookAttempts.id,
      deliveryId: webhookAttempts.deliveryId,
      eventId: webhookDeliveries.eventId,
      eventType: webhookDeliveries.eventType,
      deliveryStatus: webhookDeliveries.status,
      attempt: webhookAttempts.attempt,
      statusCode: webhookAttempts.statusCode,
      durationMs: webhookAttempts.durationMs,
      error: webhookAttempts.error,
      at: webhookAttempts.at,
    })
    .from(webhookAttempts)
    .innerJoin(webhookDeliveries, eq(webhookDeliveries.id, webhookAttempts.deliveryId))
    .where(eq(webhookAttempts.endpointId, endpointId))
    .orderBy(desc(webhookAttempts.at), desc(webhookAttempts.attempt))
    .limit(limit);
}

/** An endpoint's recent deliveries, newest first. */
export async function listEndpointDeliveries(db: Db, endpointId: string, limit: number) {
  return db
    .select()
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.endpointId, endpointId))
    .orderBy(desc(webhookDeliveries.seq))
    .limit(limit);
}

/** Deletes finished deliveries (their tries with them) that finished before `before`. */
export async function pruneFinishedWebhookDeliveries(db: Db, before: Date): Promise<number> {
  const rows = await db
    .delete(webhookDeliveries)
    .where(and(inArray(webhookDeliveries.status, ["delivered", "failed"]), lt(webhookDeliveries.finishedAt, before)))
    .returning({ id: webhookDeliveries.id });
  return rows.length;
}
