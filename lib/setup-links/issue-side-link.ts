import type { Db } from "@/lib/db/client";
import { replaceSetupLink } from "@/lib/db/queries/setup-links";
import type { WizardStepKey } from "@/lib/sage/steps";
import { hashSecret, newShortCode, newToken } from "./tokens";

export type IssuedSideLink = { id: string; url: string; token: string; expiresAt: Date };

/**
 * A link sent by email beside the client's invite (a reminder or a repair link): it revokes nothing, so
 * the invite and the client's open sessions keep working; renewing the invite revokes it with every
 * other link. No event: the email's own event says it.
 */
export async function issueSideLink(
  db: Db,
  opts: { companyId: string; purpose: "reminder" | "repair"; opensStep?: WizardStepKey; expiresAt: Date; appUrl: string },
): Promise<IssuedSideLink> {
  const token = newToken();
  const link = await replaceSetupLink(db, {
    companyId: opts.companyId,
    tokenHash: hashSecret(token),
    shortCodeHash: hashSecret(newShortCode()),
    expiresAt: opts.expiresAt,
    createdBy: null,
    purpose: opts.purpose,
    ...(opts.opensStep ? { opensStep: opts.opensStep } : {}),
  });
  return { id: link.id, url: `${opts.appUrl}/s/${token}`, token, expiresAt: link.expiresAt };
}
