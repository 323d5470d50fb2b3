import { z } from "zod";
import { route } from "@/lib/api/handler";
import { revokeKey } from "@/lib/api-keys/api-keys";
import { actorRef } from "@/lib/auth/actor";

/** Admin: revoke an API key; requests with it are refused at once. */
export const DELETE = route({ permission: "settings:manage", params: z.object({ keyId: z.uuid() }) }, async ({ db, actor, params }) => {
  await revokeKey(db, { id: params.keyId, actor: actorRef(actor) });
  return { revoked: true };
});
