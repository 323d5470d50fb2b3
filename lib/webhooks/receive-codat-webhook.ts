import { NextResponse } from "next/server";
import { getEnv } from "@/lib/env";
import { getDb } from "@/lib/db/client";
import { getCodat } from "@/lib/codat/config";
import { verifyCodatWebhook, WebhookVerificationError } from "@/lib/codat/webhooks";
import { errorResponse } from "@/lib/api/error-response";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { handleCodatWebhook } from "./handle-codat-webhook";

const MAX_BYTES = 256 * 1024;

/**
 * One delivery of Codat's webhooks (`POST /api/webhooks/codat`): the raw body is verified (Svix
 * signature, timestamp window) before anything is read, then handled.
 */
export async function receiveCodatWebhook(req: Request): Promise<NextResponse> {
  try {
    const raw = await req.text();
    if (raw.length > MAX_BYTES) throw new AppError("payload_too_large", "Webhook body too large.");
    const event = verifyCodatWebhook(raw, req.headers, getEnv().CODAT_WEBHOOK_SECRET);
    const outcome = await handleCodatWebhook(await getDb(), getCodat(), event);
    return NextResponse.json({ ok: true, outcome });
  } catch (err) {
    if (err instanceof WebhookVerificationError && err.reason === "invalid_payload") {
      // Signed by Codat but not a shape we know: acknowledge, so it is not resent for ever.
      log.warn("signed webhook with an unexpected payload ignored", { reason: err.reason });
      return NextResponse.json({ ok: true, outcome: "ignored" });
    }
    if (err instanceof WebhookVerificationError) {
      return NextResponse.json({ error: { code: "invalid_signature", message: "The webhook signature could not be verified." } }, { status: 400 });
    }
    return errorResponse(err);
  }
}
