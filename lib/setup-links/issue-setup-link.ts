import type { Db } from "@/lib/db/client";
import { deleteSetupLinkByHash, getCurrentSetupLink, replaceSetupLink } from "@/lib/db/queries/setup-links";
import { checkLink } from "./resolve-setup-link";
import { recordEvent } from "@/lib/db/queries/events";
import type { ActorRef } from "@/lib/auth/actor";
import { demoSecrets, formatShortCode, hashSecret, newShortCode, newToken } from "./tokens";

const SETUP_LINK_DAYS = 14;

export type IssuedSetupLink = { url: string; token: string; shortCode: string; expiresAt: Date };

/**
 * Issues a new setup link for a company; every earlier link of that company stops working at once
 * (and so do the client sessions opened with it). The token is returned once and stored only hashed.
 */
export async function issueSetupLink(
  db: Db,
  opts: {
    companyId: string;
    actor: ActorRef;
    appUrl: string;
    days?: number;
    /** A hand-off to another device keeps the current links working; an invite replaces them. */
    purpose?: "invite" | "handoff";
    /** Demo seed only: a link derived from the app secret, so each start can print it again. */
    demoSecret?: string;
    /** The token and short code to use (derived by the caller, so it can give them again); random otherwise. */
    secrets?: { token: string; shortCode: string };
  },
): Promise<IssuedSetupLink> {
  // Revoking the earlier links, storing the new one and its event: one transaction (a savepoint when
  // the caller's transaction is given, so a new setup or an import keeps its link with it).
  return db.transaction(async (tx) => {
    if (opts.demoSecret) {
      const demo = demoSecrets(opts.demoSecret, opts.companyId);
      const current = await getCurrentSetupLink(tx, opts.companyId);
      if (current && current.tokenHash === hashSecret(demo.token) && checkLink(current).ok) {
        return { url: `${opts.appUrl}/s/${demo.token}`, token: demo.token, shortCode: formatShortCode(demo.shortCode), expiresAt: current.expiresAt };
      }
      // The demo link was renewed or expired since: its old row goes, so the same link can be issued again.
      await deleteSetupLinkByHash(tx, hashSecret(demo.token));
    }
    const { token, shortCode } =
      opts.secrets ?? (opts.demoSecret ? demoSecrets(opts.demoSecret, opts.companyId) : { token: newToken(), shortCode: newShortCode() });
    const expiresAt = new Date(Date.now() + (opts.days ?? SETUP_LINK_DAYS) * 86_400_000);
    const link = await replaceSetupLink(tx, {
      companyId: opts.companyId,
      tokenHash: hashSecret(token),
      shortCodeHash: hashSecret(shortCode),
      expiresAt,
      createdBy: opts.actor.actorType === "staff" ? opts.actor.actorId : null,
      purpose: opts.purpose ?? "invite",
    });
    await recordEvent(tx, {
      companyId: opts.companyId,
      actor: opts.actor,
      type: opts.purpose === "handoff" ? "setup_link.handoff" : "setup_link.issued",
      data: { linkId: link.id, expiresAt: expiresAt.toISOString() },
    });
    return { url: `${opts.appUrl}/s/${token}`, token, shortCode: formatShortCode(shortCode), expiresAt };
  });
}
