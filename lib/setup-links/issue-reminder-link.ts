import type { Db } from "@/lib/db/client";
import { replaceSetupLink } from "@/lib/db/queries/setup-links";
import { hashSecret, newShortCode, newToken } from "./tokens";

/**
 * A link for a reminder email (see docs/decisions/018): opens the same setup, expires with the invite
 * it stands beside, and revokes nothing, so the client's open sessions and the invite keep working.
 * Renewing the invite revokes it with every other link. No event: the reminder's own event says it.
 */
export async function issueReminderLink(
  db: Db,
  opts: { companyId: string; expiresAt: Date; appUrl: string },
): Promise<{ id: string; url: string; token: string; expiresAt: Date }> {
  const token = newToken();
  const link = await replaceSetupLink(db, {
    companyId: opts.companyId,
    tokenHash: hashSecret(token),
    shortCodeHash: hashSecret(newShortCode()),
    expiresAt: opts.expiresAt,
    createdBy: null,
    purpose: "reminder",
  });
  return { id: link.id, url: `${opts.appUrl}/s/${token}`, token, expiresAt: link.expiresAt };
}
