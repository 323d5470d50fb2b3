import { and, desc, eq, isNull, or } from "drizzle-orm";
import type { Db } from "../client";
import { setupLinks } from "../schema/companies";

export type SetupLinkRow = typeof setupLinks.$inferSelect;

export async function findSetupLinkByHash(db: Db, hash: string): Promise<SetupLinkRow | null> {
  const [row] = await db
    .select()
    .from(setupLinks)
    .where(or(eq(setupLinks.tokenHash, hash), eq(setupLinks.shortCodeHash, hash)))
    .limit(1);
  return row ?? null;
}

export async function getCurrentSetupLink(db: Db, companyId: string) {
  const [row] = await db
    .select()
    .from(setupLinks)
    .where(and(eq(setupLinks.companyId, companyId), isNull(setupLinks.revokedAt), eq(setupLinks.purpose, "invite")))
    .orderBy(desc(setupLinks.createdAt))
    .limit(1);
  return row ?? null;
}

/**
 * Stores a new link; an invite first revokes the company's live links (hand-off and reminder links
 * replace nothing). Two writes: call it inside a transaction (`issueSetupLink` does).
 */
export async function replaceSetupLink(
  db: Db,
  v: {
    companyId: string;
    tokenHash: string;
    shortCodeHash: string;
    expiresAt: Date;
    createdBy: string | null;
    purpose?: SetupLinkRow["purpose"];
    opensStep?: string | null;
  },
) {
  if ((v.purpose ?? "invite") === "invite") {
    await db
      .update(setupLinks)
      .set({ revokedAt: new Date() })
      .where(and(eq(setupLinks.companyId, v.companyId), isNull(setupLinks.revokedAt)));
  }
  const [row] = await db.insert(setupLinks).values(v).returning();
  return row!;
}

/** Demo seed only: removes a revoked or expired demo link so it can be issued again. */
export async function deleteSetupLinkByHash(db: Db, hash: string) {
  await db.delete(setupLinks).where(eq(setupLinks.tokenHash, hash));
}
