import { NextResponse } from "next/server";
import { route } from "@/lib/api/handler";
import { createApiKey, createApiKeySchema, listKeys } from "@/lib/api-keys/api-keys";
import { actorRef } from "@/lib/auth/actor";

/** Admin: the integrator backend's API keys (the key itself is shown once, at creation). */
export const GET = route({ permission: "settings:manage" }, async ({ db }) => ({ items: await listKeys(db) }));

export const POST = route({ permission: "settings:manage", body: createApiKeySchema }, async ({ db, actor, body }) =>
  NextResponse.json(await createApiKey(db, { name: body.name, scopes: body.scopes, actor: actorRef(actor) }), { status: 201 }),
);
