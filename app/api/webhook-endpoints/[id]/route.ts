import { route } from "@/lib/api/handler";
import { actorRef } from "@/lib/auth/actor";
import { deleteWebhookEndpoint } from "@/lib/outgoing-webhooks/manage-webhook-endpoints";
import { webhookEndpointParamsSchema } from "@/lib/outgoing-webhooks/webhook-endpoint-schema";

/** Admin: delete a webhook endpoint; nothing more is sent to it. */
export const DELETE = route({ permission: "settings:manage", params: webhookEndpointParamsSchema }, async ({ db, actor, params }) => {
  await deleteWebhookEndpoint(db, { id: params.id, actor: actorRef(actor) });
  return { deleted: true };
});
