import { Webhook } from "standardwebhooks";
import type { Db } from "@/lib/db/client";
import {
  claimDueWebhookDeliveries,
  finishWebhookDelivery,
  getWebhookEndpoint,
  insertWebhookAttempt,
  pruneFinishedWebhookDeliveries,
  updateWebhookEndpoint,
  type WebhookDeliveryRow,
  type WebhookEndpointRow,
} from "@/lib/db/queries/webhooks";
import { listStaff } from "@/lib/db/queries/staff";
import { recordEvent } from "@/lib/db/queries/events";
import { actorRef } from "@/lib/auth/actor";
import { queueEmail } from "@/lib/email/queue-email";
import type { MailConfig } from "@/lib/email/mail-config";
import { getEnv } from "@/lib/env";
import { log } from "@/lib/log";
import {
  DAY_MS,
  WEBHOOK_ATTEMPT_TIMEOUT_MS,
  WEBHOOK_DELIVERY_KEEP_DAYS,
  shouldDisableEndpoint,
  webhookRetryDelayMs,
} from "@/lib/sage/webhook-events";
import { checkEndpointUrl, connectLookup, defaultUrlPolicy, type UrlPolicy } from "./public-address";
import { postWebhook, timedOut } from "./post-webhook";
import { openSecret } from "./secret-box";
import { webhookDisabledEmail } from "./webhook-disabled-email";

const LEASE_MS = 2 * 60_000;

export type DeliverOptions = {
  /** The clock that schedules retries and decides expiry (tests move it); signatures use the real time. */
  now?: () => Date;
  policy?: UrlPolicy;
  limit?: number;
  mail?: MailConfig;
  appUrl?: string;
  timeoutMs?: number;
};

type TryOutcome = { statusCode: number | null; error: string | null; durationMs: number };

/** The secrets that sign now: the current one, and the one it replaced during its 24 hours of grace. */
function signingSecrets(endpoint: WebhookEndpointRow, now: Date): string[] {
  const secrets = [openSecret(endpoint.secretEncrypted)];
  if (endpoint.previousSecretEncrypted && endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > now) {
    // Sealed under an AUTH_SECRET since replaced: the new secret alone signs.
    const previous = tryOpen(endpoint.previousSecretEncrypted);
    if (previous) secrets.push(previous);
  }
  return secrets;
}

function tryOpen(sealed: string): string | null {
  try {
    return openSecret(sealed);
  } catch {
    return null;
  }
}

/** Standard Webhooks' headers: one `v1,<base64>` signature per live secret, space-separated. */
function signedHeaders(secrets: string[], eventId: string, body: string, at: Date): Record<string, string> {
  return {
    "content-type": "application/json",
    "user-agent": "Sage50PushSetup-Webhooks/1",
    "webhook-id": eventId,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": secrets.map((s) => new Webhook(s).sign(eventId, at, body)).join(" "),
  };
}

async function tryOnce(endpoint: WebhookEndpointRow, delivery: WebhookDeliveryRow, now: Date, policy: UrlPolicy, timeoutMs: number): Promise<TryOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    // Checked before every try, not only at creation: the name may resolve elsewhere by now. The
    // socket then connects only to addresses checked again as it opens (connectLookup).
    await checkEndpointUrl(endpoint.url, policy);
    const body = JSON.stringify(delivery.payload);
    const { status } = await postWebhook(endpoint.url, {
      headers: signedHeaders(signingSecrets(endpoint, now), delivery.eventId, body, new Date()),
      body,
      timeoutMs,
      lookup: connectLookup(policy),
    });
    const ok = status >= 200 && status < 300;
    return { statusCode: status, error: ok ? null : `HTTP ${status}`, durationMs: elapsed() };
  } catch (err) {
    const message = timedOut(err) ? `no answer within ${timeoutMs / 1000} s` : err instanceof Error ? err.message : String(err);
    return { statusCode: null, error: message.slice(0, 500), durationMs: elapsed() };
  }
}

/**
 * One pass of the webhook sender: claims due deliveries (safe with other instances; each setup's
 * events to one endpoint one at a time, in order), signs and posts each, and records the try, its
 * outcome and the endpoint's state in one transaction. 2xx is delivered; anything else is retried
 * on the schedule of lib/sage/webhook-events.ts, then given up. An endpoint failing for five days
 * straight is disabled and every admin is emailed.
 */
export async function deliverDueWebhooks(db: Db, opts: DeliverOptions = {}): Promise<{ delivered: number; failed: number }> {
  const clock = opts.now ?? (() => new Date());
  const policy = opts.policy ?? defaultUrlPolicy();
  const claimed = await claimDueWebhookDeliveries(db, { now: clock(), limit: opts.limit ?? 20, leaseMs: LEASE_MS });
  let delivered = 0;
  let failed = 0;
  for (const delivery of claimed) {
    const endpoint = await getWebhookEndpoint(db, delivery.endpointId);
    if (!endpoint) continue;
    const outcome = await tryOnce(endpoint, delivery, clock(), policy, opts.timeoutMs ?? WEBHOOK_ATTEMPT_TIMEOUT_MS);
    try {
      await recordTry(db, { endpoint, delivery, outcome, now: clock(), mail: opts.mail, appUrl: opts.appUrl });
    } catch (err) {
      // Not recorded (the endpoint was deleted meanwhile, the database failed): the claim runs out and
      // the delivery is tried again, if it still exists. The others of this pass go on.
      log.warn("a webhook try could not be recorded", { deliveryId: delivery.id, error: err });
      continue;
    }
    if (outcome.error === null) delivered++;
    else failed++;
  }
  return { delivered, failed };
}

/** Deletes deliveries finished (received or given up) more than WEBHOOK_DELIVERY_KEEP_DAYS ago, with their tries. */
export async function pruneOldWebhookDeliveries(db: Db, now = new Date()): Promise<number> {
  return pruneFinishedWebhookDeliveries(db, new Date(now.getTime() - WEBHOOK_DELIVERY_KEEP_DAYS * DAY_MS));
}

async function recordTry(
  db: Db,
  v: { endpoint: WebhookEndpointRow; delivery: WebhookDeliveryRow; outcome: TryOutcome; now: Date; mail?: MailConfig; appUrl?: string },
) {
  const { endpoint, delivery, outcome, now } = v;
  await db.transaction(async (tx) => {
    await insertWebhookAttempt(tx, { deliveryId: delivery.id, endpointId: endpoint.id, attempt: delivery.attempts, ...outcome, at: now });
    if (outcome.error === null) {
      await finishWebhookDelivery(tx, delivery.id, { status: "delivered", at: now });
      if (endpoint.failingSince) await updateWebhookEndpoint(tx, endpoint.id, { failingSince: null });
      return;
    }
    const delay = webhookRetryDelayMs(delivery.attempts);
    await finishWebhookDelivery(
      tx,
      delivery.id,
      delay === null ? { status: "failed", at: now } : { status: "pending", at: now, nextAttemptAt: new Date(now.getTime() + delay) },
    );
    const failingSince = endpoint.failingSince ?? now;
    if (!shouldDisableEndpoint(failingSince, now)) {
      if (!endpoint.failingSince) await updateWebhookEndpoint(tx, endpoint.id, { failingSince });
      return;
    }
    await updateWebhookEndpoint(tx, endpoint.id, { disabledAt: now });
    await recordEvent(tx, { companyId: null, actor: actorRef({ type: "system" }), type: "webhook_endpoint.disabled", data: { id: endpoint.id, url: endpoint.url } });
    const appUrl = v.appUrl ?? getEnv().APP_URL;
    const email = webhookDisabledEmail({ appUrl, url: endpoint.url, failingSince, lastError: outcome.error });
    const admins = (await listStaff(tx)).filter((s) => s.role === "admin" && s.active);
    for (const admin of admins) await queueEmail(tx, { ...email, to: admin.email, kind: "webhook_disabled" }, { config: v.mail, now });
  });
}
