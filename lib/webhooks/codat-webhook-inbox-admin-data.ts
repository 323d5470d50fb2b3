import { getDb } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { loadCodatWebhookInboxFigures, type CodatWebhookInboxFigures } from "./codat-webhook-inbox-figures";

/** The admin page's line on Codat's webhooks (null for anyone who may not read it). */
export async function loadCodatWebhookInboxAdmin(actor: Actor): Promise<CodatWebhookInboxFigures | null> {
  if (!can(actor.role, "ops:read")) return null;
  return loadCodatWebhookInboxFigures(await getDb(), { now: new Date(), failures: 5 });
}
