import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { insertApiKey, listApiKeys, revokeApiKey } from "@/lib/db/queries/api-keys";
import { recordEvent } from "@/lib/db/queries/events";
import type { ActorRef } from "@/lib/auth/actor";
import { hashSecret } from "@/lib/setup-links/tokens";
import { AppError } from "@/lib/errors";
import { API_KEY_SCOPES, type ApiKeyScope } from "@/lib/sage/api-key-scopes";

export const createApiKeySchema = z.strictObject({
  name: z.string().trim().min(2, "Name the key, e.g. \"Production backend\".").max(60),
  /** What the key may do; at least one. */
  scopes: z
    .array(z.enum(API_KEY_SCOPES))
    .min(1, "Choose at least one scope.")
    .transform((scopes) => API_KEY_SCOPES.filter((s) => scopes.includes(s))),
});

/** A key for the integrator's backend: shown once, stored only as a hash (with a short prefix to recognise it). */
export async function createApiKey(db: Db, opts: { name: string; scopes: ApiKeyScope[]; actor: ActorRef }) {
  const key = `psk_${randomBytes(24).toString("base64url")}`;
  const createdBy = opts.actor.actorType === "staff" ? opts.actor.actorId : null;
  // The key and its event are written together, or neither is.
  const row = await db.transaction(async (tx) => {
    const inserted = await insertApiKey(tx, { name: opts.name, scopes: opts.scopes, prefix: key.slice(0, 8), keyHash: hashSecret(key), createdBy });
    await recordEvent(tx, { companyId: null, actor: opts.actor, type: "api_key.created", data: { id: inserted.id, prefix: inserted.prefix, scopes: inserted.scopes } });
    return inserted;
  });
  return { id: row.id, name: row.name, prefix: row.prefix, scopes: row.scopes, key };
}

export async function listKeys(db: Db) {
  return listApiKeys(db);
}

/** Revokes a key at once and logs who did it, in one transaction. */
export async function revokeKey(db: Db, opts: { id: string; actor: ActorRef }) {
  return db.transaction(async (tx) => {
    const row = await revokeApiKey(tx, opts.id);
    if (!row) throw new AppError("not_found", "That API key was not found.");
    await recordEvent(tx, { companyId: null, actor: opts.actor, type: "api_key.revoked", data: { id: row.id, prefix: row.prefix } });
    return row;
  });
}
