import { route } from "@/lib/api/handler";
import { actorRef } from "@/lib/auth/actor";
import { rotateWebhookEndpointSecret } from "@/lib/outgoing-webhooks/manage-webhook-endpoints";
import { webhookEndpointParamsSchema } from "@/lib/outgoing-webhooks/webhook-endpoint-schema";

/** Admin: a new signing secret, shown once; the old one still signs for 24 hours. */
export const POST = route({ permission: "settings:manage", params: webhookEndpointParamsSchema }, async ({ db, actor, params }) =>
  rotateWebhookEndpointSecret(db, { id: params.id, actor: actorRef(actor) }),
);
