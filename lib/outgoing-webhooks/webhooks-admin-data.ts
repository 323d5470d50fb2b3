import { getDb } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { listWebhookDeliveries, listWebhookEndpoints, type WebhookDeliveryLog } from "./manage-webhook-endpoints";

export type WebhooksAdminView = { endpoints: (WebhookDeliveryLog & { id: string })[] };

/** The admin page's webhooks section: every endpoint with its recent deliveries and tries (null for non-admins). */
export async function loadWebhooksAdmin(actor: Actor): Promise<WebhooksAdminView | null> {
  if (!can(actor.role, "settings:manage")) return null;
  const db = await getDb();
  const endpoints = await listWebhookEndpoints(db);
  const logs = await Promise.all(endpoints.map((e) => listWebhookDeliveries(db, { id: e.id, limit: 10 })));
  return { endpoints: logs.map((log) => ({ ...log, id: log.endpoint.id })) };
}
