import type { Db } from "@/lib/db/client";
import type { WizardStepKey } from "@/lib/sage/steps";
import { issueSideLink, type IssuedSideLink } from "./issue-side-link";

/**
 * A link for an alert email (see docs/decisions/023): opens the wizard at the step that fixes the
 * alert's cause (`opensStep`) and expires on its own date.
 */
export function issueRepairLink(
  db: Db,
  opts: { companyId: string; opensStep: WizardStepKey; expiresAt: Date; appUrl: string },
): Promise<IssuedSideLink> {
  return issueSideLink(db, { ...opts, purpose: "repair" });
}
