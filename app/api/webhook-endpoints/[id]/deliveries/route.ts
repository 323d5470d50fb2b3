import { route } from "@/lib/api/handler";
import { listWebhookDeliveries } from "@/lib/outgoing-webhooks/manage-webhook-endpoints";
import { webhookEndpointParamsSchema } from "@/lib/outgoing-webhooks/webhook-endpoint-schema";

/** Admin: an endpoint's delivery log (recent deliveries and each try: status code, duration, error, time). */
export const GET = route({ permission: "settings:manage", params: webhookEndpointParamsSchema }, async ({ db, params }) =>
  listWebhookDeliveries(db, { id: params.id }),
);
