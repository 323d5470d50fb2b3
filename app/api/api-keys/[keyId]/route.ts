import { z } from "zod";
import { route } from "@/lib/api/handler";
import { revokeApiKey } from "@/lib/db/queries/api-keys";
import { recordEvent } from "@/lib/db/queries/events";
import { actorRef } from "@/lib/auth/actor";
import { notFound } from "@/lib/errors";

/** Admin: revoke an API key; requests with it are refused at once. */
export const DELETE = route({ permission: "settings:manage", params: z.object({ keyId: z.uuid() }) }, async ({ db, actor, params }) => {
  const row = await revokeApiKey(db, params.keyId);
  if (!row) throw notFound("That API key");
  await recordEvent(db, { companyId: null, actor: actorRef(actor), type: "api_key.revoked", data: { id: row.id, prefix: row.prefix } });
  return { revoked: true };
});
