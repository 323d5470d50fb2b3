import { createHash } from "node:crypto";
import type { Db } from "@/lib/db/client";
import {
  deleteIdempotencyKeysBefore,
  findIdempotencyKey,
  insertIdempotencyKeyIfNone,
  reclaimIdempotencyKey,
  releaseIdempotencyKey,
  storeIdempotentResponse,
  type IdempotencyKeyRow,
} from "@/lib/db/queries/idempotency-keys";
import { derivedLinkSecrets, formatShortCode } from "@/lib/setup-links/tokens";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { idempotencyKeySchema, type ApiSetupLink } from "./api-v1-schemas";

/** How long a key's first answer is kept and replayed. */
const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;
/** A claim with no answer after this long is taken to be from a request whose process stopped. */
const IDEMPOTENCY_STALE_CLAIM_MS = 2 * 60 * 1000;

export type ApiAnswer<B> = { status: number; body: B };
type LinkSecrets = { token: string; shortCode: string };

/**
 * Runs a write of `/api/v1` at most once per `Idempotency-Key` (per API key): the key is claimed
 * (a unique row) before the work starts, so of two requests with one key only one does it; the
 * other is told to retry (409 `idempotency_key_in_use`) until the first has answered, then gets
 * that answer. The same key with another request is refused (422 `idempotency_key_reused`). A
 * request that fails releases its key; a claim left by a stopped process is taken over after
 * IDEMPOTENCY_STALE_CLAIM_MS. `run` is given the setup link's secrets to use, derived from the
 * claim, so the kept answer holds no link secret and a replay gives the same link.
 */
export async function withIdempotency<B extends { setupLink: ApiSetupLink | null }>(
  db: Db,
  opts: { apiKeyId: string; key: string | null; request: { method: string; path: string; body: unknown } },
  run: (linkSecrets: LinkSecrets | undefined) => Promise<ApiAnswer<B>>,
): Promise<ApiAnswer<B> & { replayed: boolean }> {
  if (opts.key === null) return { ...(await run(undefined)), replayed: false };
  const key = idempotencyKeySchema.parse(opts.key);
  const requestHash = createHash("sha256").update(JSON.stringify(opts.request)).digest("hex");
  await deleteIdempotencyKeysBefore(db, new Date(Date.now() - IDEMPOTENCY_WINDOW_MS));

  const claim = (await insertIdempotencyKeyIfNone(db, { apiKeyId: opts.apiKeyId, key, requestHash })) ?? (await takeOver<B>(db, opts.apiKeyId, key, requestHash));
  if ("replay" in claim) return { ...claim.replay, replayed: true };

  const secrets = linkSecretsFor(claim.id);
  let answer: ApiAnswer<B>;
  try {
    answer = await run(secrets);
  } catch (err) {
    await releaseIdempotencyKey(db, claim.id);
    throw err;
  }
  const kept = answer.body.setupLink ? { ...answer.body, setupLink: { expiresAt: answer.body.setupLink.expiresAt } } : answer.body;
  await storeIdempotentResponse(db, claim.id, { status: answer.status, body: kept });
  return { ...answer, replayed: false };
}

async function takeOver<B>(db: Db, apiKeyId: string, key: string, requestHash: string): Promise<IdempotencyKeyRow | { replay: ApiAnswer<B> }> {
  const existing = await findIdempotencyKey(db, apiKeyId, key);
  if (!existing) throw inUse(); // released between the two reads: the caller retries
  if (existing.requestHash !== requestHash) {
    throw new AppError("idempotency_key_reused", "This Idempotency-Key was sent with another request in the last 24 hours. Use a new key for a new request.");
  }
  if (existing.responseStatus !== null) return { replay: { status: existing.responseStatus, body: restoreLink(existing) as B } };
  const reclaimed = await reclaimIdempotencyKey(db, existing.id, new Date(Date.now() - IDEMPOTENCY_STALE_CLAIM_MS));
  if (!reclaimed) throw inUse();
  return reclaimed;
}

const inUse = () =>
  new AppError("idempotency_key_in_use", "A request with this Idempotency-Key is still being handled. Retry in a moment to get its answer.", {
    retryAfterSeconds: 1,
  });

function linkSecretsFor(claimId: string): LinkSecrets {
  return derivedLinkSecrets(getEnv().AUTH_SECRET, `idempotent-link:${claimId}`);
}

/** The kept answer with its setup link's url and short code derived again (they are never stored). */
function restoreLink(row: IdempotencyKeyRow): unknown {
  const body = row.responseBody as { setupLink?: { expiresAt: string } | null };
  if (!body.setupLink) return body;
  const { token, shortCode } = linkSecretsFor(row.id);
  return { ...body, setupLink: { url: `${getEnv().APP_URL}/s/${token}`, shortCode: formatShortCode(shortCode), expiresAt: body.setupLink.expiresAt } };
}
