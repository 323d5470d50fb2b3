import type { Db } from "@/lib/db/client";
import type { ApiKeyCaller } from "@/lib/auth/api-key-guard";
import { actorRef } from "@/lib/auth/actor";
import { getCompany } from "@/lib/db/queries/companies";
import { issueSetupLink } from "@/lib/setup-links/issue-setup-link";
import { getEnv } from "@/lib/env";
import { notFound } from "@/lib/errors";
import { apiSetupLink } from "./setup-view";
import { withIdempotency, type ApiAnswer } from "./idempotency";
import type { ApiSetupLink } from "./api-v1-schemas";

/**
 * `POST /api/v1/setups/{id}/links`: a new setup link for the client (201). Every earlier link, and
 * every client session opened with one, stops working at once, as with support's "renew".
 */
export async function renewSetupLinkByApi(
  db: Db,
  opts: { apiKey: ApiKeyCaller; id: string; idempotencyKey: string | null },
): Promise<ApiAnswer<{ setupLink: ApiSetupLink }> & { replayed: boolean }> {
  const request = { method: "POST", path: `/api/v1/setups/${opts.id}/links`, body: null };
  return withIdempotency(db, { apiKeyId: opts.apiKey.id, key: opts.idempotencyKey, request }, async (secrets) => {
    const company = await getCompany(db, opts.id);
    if (!company) throw notFound("That setup");
    const link = await issueSetupLink(db, {
      companyId: company.id,
      actor: actorRef({ type: "integrator", id: opts.apiKey.id }),
      appUrl: getEnv().APP_URL,
      secrets,
    });
    return { status: 201, body: { setupLink: apiSetupLink(link) } };
  });
}
