import type { Db } from "@/lib/db/client";
import { replaceSetupLink } from "@/lib/db/queries/setup-links";
import type { WizardStepKey } from "@/lib/sage/steps";
import { hashSecret, newShortCode, newToken } from "./tokens";

/**
 * A link for an alert email (see docs/decisions/023): opens the wizard at the step that fixes the
 * alert's cause (`opensStep`), revokes nothing (the invite and open sessions keep working) and expires
 * on its own date. Renewing the invite revokes it with every other link.
 */
export async function issueRepairLink(
  db: Db,
  opts: { companyId: string; opensStep: WizardStepKey; expiresAt: Date; appUrl: string },
): Promise<{ id: string; url: string; token: string; expiresAt: Date }> {
  const token = newToken();
  const link = await replaceSetupLink(db, {
    companyId: opts.companyId,
    tokenHash: hashSecret(token),
    shortCodeHash: hashSecret(newShortCode()),
    expiresAt: opts.expiresAt,
    createdBy: null,
    purpose: "repair",
    opensStep: opts.opensStep,
  });
  return { id: link.id, url: `${opts.appUrl}/s/${token}`, token, expiresAt: link.expiresAt };
}
