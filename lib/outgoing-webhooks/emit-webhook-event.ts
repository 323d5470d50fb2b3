import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { getCompany } from "@/lib/db/queries/companies";
import { insertWebhookDeliveries, listSubscribedEndpointIds } from "@/lib/db/queries/webhooks";
import type { WebhookEventType } from "@/lib/sage/webhook-events";
import type { WebhookEventData } from "./webhook-event-schemas";

/**
 * Tells the integrator's backend about a change: one delivery row per live endpoint subscribed to the
 * type, written with the caller's transaction, so the event exists exactly when the change does. The
 * webhook sender delivers them (lib/outgoing-webhooks/deliver-webhooks.ts). `companyId` is our company
 * (the setup); its Codat id and external id are added here.
 */
export async function emitWebhookEvent<T extends WebhookEventType>(
  tx: Db,
  type: T,
  v: { companyId: string; now?: Date } & WebhookEventData<T>,
): Promise<void> {
  const endpointIds = await listSubscribedEndpointIds(tx, type);
  if (endpointIds.length === 0) return;
  const { companyId, now = new Date(), ...data } = v;
  const company = await getCompany(tx, companyId);
  if (!company) return;
  const eventId = `msg_${randomUUID().replace(/-/g, "")}`;
  const payload = {
    type,
    timestamp: now.toISOString(),
    data: { setupId: company.id, companyId: company.id, codatCompanyId: company.codatCompanyId, externalId: company.externalId, ...data },
  };
  await insertWebhookDeliveries(
    tx,
    endpointIds.map((endpointId) => ({ endpointId, companyId, eventId, eventType: type, payload, nextAttemptAt: now, createdAt: now })),
  );
}
