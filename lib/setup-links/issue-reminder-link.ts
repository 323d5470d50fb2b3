import type { Db } from "@/lib/db/client";
import { issueSideLink, type IssuedSideLink } from "./issue-side-link";

/** A link for a reminder email (see docs/decisions/018): opens the same setup and expires with the invite it stands beside. */
export function issueReminderLink(db: Db, opts: { companyId: string; expiresAt: Date; appUrl: string }): Promise<IssuedSideLink> {
  return issueSideLink(db, { ...opts, purpose: "reminder" });
}
