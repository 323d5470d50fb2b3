import { NextResponse } from "next/server";
import { getEnv } from "@/lib/env";
import { getDb } from "@/lib/db/client";
import { getCodat } from "@/lib/codat/config";
import { verifyCodatWebhook, WebhookVerificationError } from "@/lib/codat/webhooks";
import { queueInboxWebhook } from "@/lib/db/queries/codat-webhook-inbox";
import { errorResponse } from "@/lib/api/error-response";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { DRAIN_WORKERS, kickCodatWebhookInbox, whileAcknowledging } from "./drain-codat-webhook-inbox";

const MAX_BYTES = 256 * 1024;

/** What the route answers with 200: kept to apply, seen before, or of a kind this app does not use. */
type ReceivedOutcome = "queued" | "duplicate" | "ignored";

/**
 * One delivery of Codat's webhooks (`POST /api/webhooks/codat`): the raw body is verified (Svix
 * signature, timestamp window) before anything is read, then kept in the inbox by one insert and
 * acknowledged; a drain applies it next, in the background (docs/decisions/037). Codat resends a
 * webhook only until it gets a 2xx, so the row is committed before the answer.
 */
export function receiveCodatWebhook(req: Request): Promise<NextResponse> {
  return whileAcknowledging(() => acknowledge(req));
}

async function acknowledge(req: Request): Promise<NextResponse> {
  try {
    const raw = await req.text();
    if (raw.length > MAX_BYTES) throw new AppError("payload_too_large", "Webhook body too large.");
    const env = getEnv();
    const event = verifyCodatWebhook(raw, req.headers, env.CODAT_WEBHOOK_SECRET);
    if (event.type === "unhandled") return received("ignored");
    const db = await getDb();
    const queued = await queueInboxWebhook(db, { id: event.id, eventType: event.type, event: { ...event } });
    if (!queued) return received("duplicate");
    kickCodatWebhookInbox(db, getCodat(), DRAIN_WORKERS[env.dbKind]);
    return received("queued");
  } catch (err) {
    if (err instanceof WebhookVerificationError && err.reason === "invalid_payload") {
      // Signed by Codat but not a shape we know: acknowledge, so it is not resent for ever.
      log.warn("signed webhook with an unexpected payload ignored", { reason: err.reason });
      return received("ignored");
    }
    if (err instanceof WebhookVerificationError) {
      return NextResponse.json({ error: { code: "invalid_signature", message: "The webhook signature could not be verified." } }, { status: 400 });
    }
    return errorResponse(err);
  }
}

const received = (outcome: ReceivedOutcome) => NextResponse.json({ ok: true, outcome });
