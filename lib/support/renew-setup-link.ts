import type { Db } from "@/lib/db/client";
import { actorRef, type StaffActor } from "@/lib/auth/actor";
import { getEnv } from "@/lib/env";
import { issueSetupLink } from "@/lib/setup-links/issue-setup-link";

export type RenewedSetupLink = { url: string; shortCode: string; expiresAt: string };

/**
 * A new setup link for the client, shown once to the staff member who asked. The link is stored only
 * as a hash, so it cannot be shown again later; every earlier link (and the client sessions opened
 * with it) stops working at once.
 */
export async function renewSetupLink(db: Db, opts: { companyId: string; actor: StaffActor }): Promise<RenewedSetupLink> {
  const link = await issueSetupLink(db, { companyId: opts.companyId, actor: actorRef(opts.actor), appUrl: getEnv().APP_URL });
  return { url: link.url, shortCode: link.shortCode, expiresAt: link.expiresAt.toISOString() };
}
