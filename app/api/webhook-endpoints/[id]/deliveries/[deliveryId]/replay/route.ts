import { NextResponse } from "next/server";
import { route } from "@/lib/api/handler";
import { actorRef } from "@/lib/auth/actor";
import { replayWebhookDelivery } from "@/lib/outgoing-webhooks/manage-webhook-endpoints";
import { webhookDeliveryParamsSchema } from "@/lib/outgoing-webhooks/webhook-endpoint-schema";

/** Admin: send a delivery's event again (same webhook-id), after the setup's other events. */
export const POST = route({ permission: "settings:manage", params: webhookDeliveryParamsSchema }, async ({ db, actor, params }) =>
  NextResponse.json(await replayWebhookDelivery(db, { id: params.id, deliveryId: params.deliveryId, actor: actorRef(actor) }), { status: 202 }),
);
