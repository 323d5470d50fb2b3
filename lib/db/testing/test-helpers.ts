import { eq } from "drizzle-orm";
import type { Db } from "../client";
import { setupLinks } from "../schema/companies";

/** Test-only: move a link's expiry (the product never edits expiry). */
export async function updateSetupLinkExpiry(db: Db, linkId: string, expiresAt: Date) {
  await db.update(setupLinks).set({ expiresAt }).where(eq(setupLinks.id, linkId));
}
