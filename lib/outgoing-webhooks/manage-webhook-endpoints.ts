import type { Db } from "@/lib/db/client";
import {
  deleteWebhookEndpointRow,
  getWebhookDelivery,
  getWebhookEndpoint,
  insertWebhookDeliveries,
  insertWebhookEndpoint,
  listEndpointAttempts,
  listEndpointDeliveries,
  listWebhookEndpointRows,
  updateWebhookEndpoint,
  type WebhookEndpointRow,
} from "@/lib/db/queries/webhooks";
import { recordEvent } from "@/lib/db/queries/events";
import type { ActorRef } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { WEBHOOK_OLD_SECRET_GRACE_MS } from "@/lib/sage/webhook-events";
import { checkEndpointUrl, defaultUrlPolicy, type UrlPolicy } from "./public-address";
import { newWebhookSecret, sealSecret } from "./secret-box";
import type { CreateWebhookEndpointInput } from "./webhook-endpoint-schema";

/** An endpoint as admins see it (never its secret, which is shown once). */
export type WebhookEndpointView = {
  id: string;
  url: string;
  events: string[];
  createdAt: string;
  failingSince: string | null;
  disabledAt: string | null;
  previousSecretExpiresAt: string | null;
};

function view(row: WebhookEndpointRow, now = new Date()): WebhookEndpointView {
  const grace = row.previousSecretExpiresAt && row.previousSecretExpiresAt > now ? row.previousSecretExpiresAt : null;
  return {
    id: row.id,
    url: row.url,
    events: row.events,
    createdAt: row.createdAt.toISOString(),
    failingSince: row.failingSince?.toISOString() ?? null,
    disabledAt: row.disabledAt?.toISOString() ?? null,
    previousSecretExpiresAt: grace?.toISOString() ?? null,
  };
}

async function requireEndpoint(db: Db, id: string): Promise<WebhookEndpointRow> {
  const row = await getWebhookEndpoint(db, id);
  if (!row) throw new AppError("not_found", "That webhook endpoint was not found.");
  return row;
}

/**
 * Adds an endpoint: its URL checked (production: HTTPS, no private address), a new `whsec_` secret
 * kept encrypted and answered once, with its event in one transaction.
 */
export async function createWebhookEndpoint(
  db: Db,
  opts: { input: CreateWebhookEndpointInput; actor: ActorRef; policy?: UrlPolicy },
): Promise<{ endpoint: WebhookEndpointView & { secret: string } }> {
  await checkEndpointUrl(opts.input.url, opts.policy ?? defaultUrlPolicy());
  const secret = newWebhookSecret();
  const row = await db.transaction(async (tx) => {
    const inserted = await insertWebhookEndpoint(tx, {
      url: opts.input.url,
      events: opts.input.events,
      secretEncrypted: sealSecret(secret),
      createdBy: opts.actor.actorType === "staff" ? opts.actor.actorId : null,
    });
    await recordEvent(tx, { companyId: null, actor: opts.actor, type: "webhook_endpoint.created", data: { id: inserted.id, url: inserted.url, events: inserted.events } });
    return inserted;
  });
  return { endpoint: { ...view(row), secret } };
}

export async function listWebhookEndpoints(db: Db): Promise<WebhookEndpointView[]> {
  return (await listWebhookEndpointRows(db)).map((row) => view(row));
}

/** Deletes an endpoint with its deliveries and their log. */
export async function deleteWebhookEndpoint(db: Db, opts: { id: string; actor: ActorRef }) {
  await db.transaction(async (tx) => {
    const row = await requireEndpoint(tx, opts.id);
    await deleteWebhookEndpointRow(tx, row.id);
    await recordEvent(tx, { companyId: null, actor: opts.actor, type: "webhook_endpoint.deleted", data: { id: row.id, url: row.url } });
  });
}

/** A new secret, answered once; the one it replaces still signs (beside it) for 24 hours. */
export async function rotateWebhookEndpointSecret(
  db: Db,
  opts: { id: string; actor: ActorRef; now?: Date },
): Promise<{ endpoint: WebhookEndpointView & { secret: string } }> {
  const now = opts.now ?? new Date();
  const secret = newWebhookSecret();
  const row = await db.transaction(async (tx) => {
    const current = await requireEndpoint(tx, opts.id);
    const updated = await updateWebhookEndpoint(tx, current.id, {
      secretEncrypted: sealSecret(secret),
      previousSecretEncrypted: current.secretEncrypted,
      previousSecretExpiresAt: new Date(now.getTime() + WEBHOOK_OLD_SECRET_GRACE_MS),
    });
    await recordEvent(tx, { companyId: null, actor: opts.actor, type: "webhook_endpoint.secret_rotated", data: { id: current.id } });
    return updated!;
  });
  return { endpoint: { ...view(row, now), secret } };
}

/** An endpoint's log: its recent deliveries and every try of them (status code, duration, error, time). */
export async function listWebhookDeliveries(db: Db, opts: { id: string; limit?: number }) {
  const endpoint = await requireEndpoint(db, opts.id);
  const limit = opts.limit ?? 50;
  const [deliveries, attempts] = await Promise.all([listEndpointDeliveries(db, endpoint.id, limit), listEndpointAttempts(db, endpoint.id, limit * 2)]);
  return {
    endpoint: view(endpoint),
    deliveries: deliveries.map((d) => ({
      id: d.id,
      eventId: d.eventId,
      eventType: d.eventType,
      status: d.status,
      attempts: d.attempts,
      createdAt: d.createdAt.toISOString(),
      nextAttemptAt: d.status === "pending" ? d.nextAttemptAt.toISOString() : null,
      finishedAt: d.finishedAt?.toISOString() ?? null,
      replayOf: d.replayOf,
    })),
    attempts: attempts.map((a) => ({ ...a, at: a.at.toISOString() })),
  };
}

export type WebhookDeliveryLog = Awaited<ReturnType<typeof listWebhookDeliveries>>;

/**
 * Sends a delivery again: a new delivery of the same event (same `webhook-id`, so a receiver that
 * keeps ids sees it is the same event), due now, queued after the setup's other events.
 */
export async function replayWebhookDelivery(db: Db, opts: { id: string; deliveryId: string; actor: ActorRef; now?: Date }) {
  const now = opts.now ?? new Date();
  return db.transaction(async (tx) => {
    const endpoint = await requireEndpoint(tx, opts.id);
    const original = await getWebhookDelivery(tx, endpoint.id, opts.deliveryId);
    if (!original) throw new AppError("not_found", "That delivery was not found.");
    if (endpoint.disabledAt) throw new AppError("conflict", "This endpoint is disabled: add it again to send to it.");
    const [replay] = await insertWebhookDeliveries(tx, [
      {
        endpointId: endpoint.id,
        companyId: original.companyId,
        eventId: original.eventId,
        eventType: original.eventType,
        payload: original.payload,
        nextAttemptAt: now,
        createdAt: now,
        replayOf: original.id,
      },
    ]);
    await recordEvent(tx, { companyId: null, actor: opts.actor, type: "webhook_delivery.replayed", data: { endpointId: endpoint.id, deliveryId: original.id, replayId: replay!.id } });
    return { delivery: { id: replay!.id, eventId: replay!.eventId, status: replay!.status, replayOf: original.id } };
  });
}
