import type { Db } from "@/lib/db/client";
import { findLiveApiKeyByHash } from "@/lib/db/queries/api-keys";
import { hashSecret } from "@/lib/setup-links/tokens";
import type { ApiKeyScope } from "@/lib/sage/api-key-scopes";
import { AppError } from "@/lib/errors";

/** The live API key that sent a request to `/api/v1`. */
export type ApiKeyCaller = { id: string; name: string; scopes: ApiKeyScope[] };

/**
 * `Authorization: Bearer psk_…` → the key, or 401; a key without the scope the route needs → 403
 * `insufficient_scope` (read routes need `read`, creating and renewing need `write`).
 */
export async function requireApiKey(db: Db, authorization: string | null, scope: ApiKeyScope): Promise<ApiKeyCaller> {
  const token = authorization?.match(/^Bearer\s+(psk_[A-Za-z0-9_-]{10,100})$/)?.[1];
  const row = token ? await findLiveApiKeyByHash(db, hashSecret(token)) : null;
  if (!row) throw new AppError("unauthorized", "Send a valid API key as `Authorization: Bearer psk_…`.");
  if (!row.scopes.includes(scope)) {
    throw new AppError("insufficient_scope", `This API key lacks the "${scope}" scope. An admin can create a key with it at /support/admin.`, {
      details: { required: scope, granted: row.scopes },
    });
  }
  return { id: row.id, name: row.name, scopes: row.scopes };
}
