import { randomBytes } from "node:crypto";
import { and, desc, eq, inArray, lte } from "drizzle-orm";
import { Webhook } from "svix";
import type { Db } from "@/lib/db/client";
import { log } from "@/lib/log";
import { getSimConfig, webhookTarget } from "../config";
import { simWebhookDeliveries } from "../schema";
import type { SimEnv } from "../sim-env";
import type { SimWebhookEvent } from "./webhook-events";

type DeliveryRow = typeof simWebhookDeliveries.$inferSelect;

/** Attempts per delivery, and the wait before attempt n+1: 1 s, 2 s, 4 s, 8 s. */
export const MAX_WEBHOOK_ATTEMPTS = 5;
const backoffMs = (attempts: number) => 1000 * 2 ** (attempts - 1);
/** A claimed delivery is not picked up by another instance for this long. */
const LEASE_MS = 30_000;
const SEND_TIMEOUT_MS = 5_000;
const BATCH = 20;

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** A Svix-style message id: `msg_` and 27 base62 characters. */
function newMessageId(): string {
  const bytes = randomBytes(27);
  let id = "msg_";
  for (const b of bytes) id += BASE62[b % 62];
  return id;
}

/** The three headers Codat (through Svix) sends; `timestamp` is when this attempt is made. */
function signWebhook(secret: string, messageId: string, body: string, timestamp: Date): Record<string, string> {
  return {
    "webhook-id": messageId,
    "webhook-timestamp": String(Math.floor(timestamp.getTime() / 1000)),
    "webhook-signature": new Webhook(secret).sign(messageId, timestamp, body),
  };
}

export type WebhookSettings = { targetUrl: string; enabled: boolean };

/** Where webhooks go and whether they are sent at all, from the knobs. */
export async function getWebhookSettings(db: Db, env: SimEnv): Promise<WebhookSettings> {
  const config = await getSimConfig(db);
  return { targetUrl: webhookTarget(config, env.appUrl), enabled: config.webhooksEnabled };
}

/**
 * Records webhooks to send. Pass the transaction that made the change, so an event exists exactly
 * when its change does. Sending happens later: `kickWebhookDelivery` or the tick. With webhooks
 * switched off the events are still recorded, as `skipped`.
 */
export async function enqueueWebhooks(
  db: Db,
  events: readonly SimWebhookEvent[],
  settings: WebhookSettings,
  now: Date,
): Promise<void> {
  if (events.length === 0) return;
  await db.insert(simWebhookDeliveries).values(
    events.map((e, i) => ({
      id: newMessageId(),
      eventId: e.eventId,
      eventType: e.eventType,
      companyId: e.companyId,
      body: e.body,
      targetUrl: settings.targetUrl,
      status: settings.enabled ? ("pending" as const) : ("skipped" as const),
      nextAttemptAt: settings.enabled ? now : null,
      // Keeps the order of events made in one step.
      createdAt: new Date(now.getTime() + i),
    })),
  );
}

/** `sentAt`: when the request started (the moment the webhook left the simulator). */
type SendResult = { ok: boolean; status: number | null; error: string | null; sentAt: Date };

async function send(row: DeliveryRow, env: SimEnv): Promise<SendResult> {
  const sentAt = new Date();
  try {
    const res = await fetch(row.targetUrl, {
      method: "POST",
      headers: { "content-type": "application/json", ...signWebhook(env.webhookSecret, row.id, row.body, sentAt) },
      body: row.body,
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
    });
    await res.arrayBuffer().catch(() => undefined);
    return { ok: res.ok, status: res.status, error: res.ok ? null : `HTTP ${res.status}`, sentAt };
  } catch (err) {
    return { ok: false, status: null, error: err instanceof Error ? err.message : String(err), sentAt };
  }
}

async function recordAttempt(db: Db, row: DeliveryRow, result: SendResult, now: Date): Promise<DeliveryRow> {
  const attempts = row.attempts + 1;
  const exhausted = !result.ok && attempts >= MAX_WEBHOOK_ATTEMPTS;
  const [updated] = await db
    .update(simWebhookDeliveries)
    .set({
      attempts,
      lastStatus: result.status,
      lastError: result.error,
      lastSentAt: result.sentAt,
      status: result.ok ? "delivered" : exhausted ? "failed" : "pending",
      nextAttemptAt: result.ok || exhausted ? null : new Date(now.getTime() + backoffMs(attempts)),
      ...(result.ok ? { deliveredAt: now } : {}),
    })
    .where(eq(simWebhookDeliveries.id, row.id))
    .returning();
  return updated ?? row;
}

/** Sends every delivery that is due, oldest first. Claims are atomic, so instances never double-send. */
async function deliverDueWebhooks(db: Db, env: SimEnv, now: Date): Promise<number> {
  let sent = 0;
  for (;;) {
    const due = db
      .select({ id: simWebhookDeliveries.id })
      .from(simWebhookDeliveries)
      .where(and(eq(simWebhookDeliveries.status, "pending"), lte(simWebhookDeliveries.nextAttemptAt, now)))
      .orderBy(simWebhookDeliveries.createdAt)
      .limit(BATCH)
      .for("update", { skipLocked: true });
    const claimed = await db
      .update(simWebhookDeliveries)
      .set({ nextAttemptAt: new Date(now.getTime() + LEASE_MS) })
      .where(and(inArray(simWebhookDeliveries.id, due), eq(simWebhookDeliveries.status, "pending")))
      .returning();
    if (claimed.length === 0) return sent;
    claimed.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    for (const row of claimed) {
      const result = await send(row, env);
      await recordAttempt(db, row, result, now);
      if (result.ok) sent += 1;
    }
    if (claimed.length < BATCH) return sent;
  }
}

/** Delivery runs are serialised per database so that events leave in the order they happened. */
type Chain = { tail: Promise<unknown>; queued: boolean };
const chains = new WeakMap<Db, Chain>();

function chainFor(db: Db): Chain {
  let chain = chains.get(db);
  if (!chain) {
    chain = { tail: Promise.resolve(), queued: false };
    chains.set(db, chain);
  }
  return chain;
}

function runExclusive<T>(db: Db, fn: () => Promise<T>): Promise<T> {
  const chain = chainFor(db);
  const run = chain.tail.then(fn, fn);
  chain.tail = run.catch(() => undefined);
  return run;
}

/** Starts sending what is due without waiting for it (at most one queued run per database). */
export function kickWebhookDelivery(db: Db, env: SimEnv): void {
  const chain = chainFor(db);
  if (chain.queued) return;
  chain.queued = true;
  runExclusive(db, async () => {
    chain.queued = false;
    return deliverDueWebhooks(db, env, new Date());
  }).catch((error: unknown) => log.warn("simulator webhook delivery failed", { error }));
}

/** Waits for running deliveries, then sends whatever is due at `now`. */
export function flushWebhookDeliveries(db: Db, env: SimEnv, now: Date = new Date()): Promise<number> {
  return runExclusive(db, () => deliverDueWebhooks(db, env, now));
}

/** Sends a delivery again, now, with the same `webhook-id` and body (a new timestamp and signature). */
export async function replayWebhook(db: Db, env: SimEnv, deliveryId: string, now: Date): Promise<DeliveryRow | null> {
  const [row] = await db.select().from(simWebhookDeliveries).where(eq(simWebhookDeliveries.id, deliveryId));
  if (!row) return null;
  const result = await send(row, env);
  const [updated] = await db
    .update(simWebhookDeliveries)
    .set({
      attempts: row.attempts + 1,
      lastStatus: result.status,
      lastError: result.error,
      lastSentAt: result.sentAt,
      ...(result.ok ? { status: "delivered" as const, deliveredAt: now, nextAttemptAt: null } : {}),
    })
    .where(eq(simWebhookDeliveries.id, row.id))
    .returning();
  return updated ?? row;
}

export async function listWebhookDeliveries(
  db: Db,
  filter: { companyId?: string; eventType?: string; limit?: number } = {},
): Promise<DeliveryRow[]> {
  const conditions = [
    ...(filter.companyId ? [eq(simWebhookDeliveries.companyId, filter.companyId)] : []),
    ...(filter.eventType ? [eq(simWebhookDeliveries.eventType, filter.eventType)] : []),
  ];
  return db
    .select()
    .from(simWebhookDeliveries)
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(desc(simWebhookDeliveries.createdAt))
    .limit(Math.min(filter.limit ?? 100, 500));
}
