import { NextResponse } from "next/server";
import { route } from "@/lib/api/handler";
import { createApiKey, createApiKeySchema } from "@/lib/api-keys/api-keys";
import { listApiKeys } from "@/lib/db/queries/api-keys";
import { recordEvent } from "@/lib/db/queries/events";
import { actorRef } from "@/lib/auth/actor";

/** Admin: the integrator backend's API keys (the key itself is shown once, at creation). */
export const GET = route({ permission: "settings:manage" }, async ({ db }) => ({ items: await listApiKeys(db) }));

export const POST = route({ permission: "settings:manage", body: createApiKeySchema }, async ({ db, actor, body }) => {
  const created = await createApiKey(db, { name: body.name, createdBy: actor.type === "staff" ? actor.id : null });
  await recordEvent(db, { companyId: null, actor: actorRef(actor), type: "api_key.created", data: { id: created.id, prefix: created.prefix } });
  return NextResponse.json(created, { status: 201 });
});
