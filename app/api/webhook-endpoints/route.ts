import { NextResponse } from "next/server";
import { route } from "@/lib/api/handler";
import { actorRef } from "@/lib/auth/actor";
import { createWebhookEndpoint, listWebhookEndpoints } from "@/lib/outgoing-webhooks/manage-webhook-endpoints";
import { createWebhookEndpointSchema } from "@/lib/outgoing-webhooks/webhook-endpoint-schema";

/** Admin: the integrator backend's webhook endpoints (the secret is shown once, at creation). */
export const GET = route({ permission: "settings:manage" }, async ({ db }) => ({ items: await listWebhookEndpoints(db) }));

export const POST = route({ permission: "settings:manage", body: createWebhookEndpointSchema }, async ({ db, actor, body }) =>
  NextResponse.json(await createWebhookEndpoint(db, { input: body, actor: actorRef(actor) }), { status: 201 }),
);
