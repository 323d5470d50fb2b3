import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { findLiveApiKeyByHash, insertApiKey, listApiKeys, revokeApiKey } from "@/lib/db/queries/api-keys";
import { recordEvent } from "@/lib/db/queries/events";
import type { ActorRef } from "@/lib/auth/actor";
import { hashSecret } from "@/lib/setup-links/tokens";
import { AppError } from "@/lib/errors";

export const createApiKeySchema = z.strictObject({ name: z.string().trim().min(2, "Name the key, e.g. \"Production backend\".").max(60) });

/** A key for the integrator's backend: shown once, stored only as a hash (with a short prefix to recognise it). */
export async function createApiKey(db: Db, opts: { name: string; actor: ActorRef }) {
  const key = `psk_${randomBytes(24).toString("base64url")}`;
  const createdBy = opts.actor.actorType === "staff" ? opts.actor.actorId : null;
  // The key and its event are written together, or neither is.
  const row = await db.transaction(async (tx) => {
    const inserted = await insertApiKey(tx, { name: opts.name, prefix: key.slice(0, 8), keyHash: hashSecret(key), createdBy });
    await recordEvent(tx, { companyId: null, actor: opts.actor, type: "api_key.created", data: { id: inserted.id, prefix: inserted.prefix } });
    return inserted;
  });
  return { id: row.id, name: row.name, prefix: row.prefix, key };
}

/** `Authorization: Bearer psk_…` → the key's record, or 401. */
export async function requireApiKey(db: Db, authorization: string | null) {
  const token = authorization?.match(/^Bearer\s+(psk_[A-Za-z0-9_-]{10,100})$/)?.[1];
  const row = token ? await findLiveApiKeyByHash(db, hashSecret(token)) : null;
  if (!row) throw new AppError("unauthorized", "Send a valid API key as `Authorization: Bearer psk_…`.");
  return row;
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
