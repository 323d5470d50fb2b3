import type { Db } from "@/lib/db/client";
import { findSetupLinkByHash, type SetupLinkRow } from "@/lib/db/queries/setup-links";
import { hashSecret, normalizeShortCode } from "./tokens";

export type LinkCheck<L = SetupLinkRow> =
  | { ok: true; link: L }
  | { ok: false; reason: "invalid" | "expired" | "replaced" };

/** Checks a stored link: why it does not work, if it does not. */
export function checkLink<L extends Pick<SetupLinkRow, "revokedAt" | "expiresAt">>(link: L | null, now = new Date()): LinkCheck<L> {
  if (!link) return { ok: false, reason: "invalid" };
  if (link.revokedAt) return { ok: false, reason: "replaced" };
  if (link.expiresAt.getTime() <= now.getTime()) return { ok: false, reason: "expired" };
  return { ok: true, link };
}

/** Finds a link by its token (from the URL) or its short code (typed at /go). */
export async function resolveSetupLink(db: Db, input: { token: string } | { shortCode: string }): Promise<LinkCheck> {
  const secret = "token" in input ? input.token : normalizeShortCode(input.shortCode);
  if (!secret || secret.length > 200) return { ok: false, reason: "invalid" };
  return checkLink(await findSetupLinkByHash(db, hashSecret(secret)));
}
