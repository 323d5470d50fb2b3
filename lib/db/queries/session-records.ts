import { eq } from "drizzle-orm";
import type { Db } from "../client";
import { setupLinks } from "../schema/companies";
import { users } from "../schema/staff";

/**
 * What the database says about a session's staff account or setup link: only the columns the
 * guards check, selected so that another query (the polled status read) can carry them along.
 */
export const sessionColumns = {
  user: { id: users.id, role: users.role, name: users.name, email: users.email, active: users.active, sessionVersion: users.sessionVersion },
  link: { companyId: setupLinks.companyId, revokedAt: setupLinks.revokedAt, expiresAt: setupLinks.expiresAt },
};

export type SessionUser = Pick<typeof users.$inferSelect, keyof typeof sessionColumns.user>;
export type SessionLink = Pick<typeof setupLinks.$inferSelect, keyof typeof sessionColumns.link>;
export type SessionRef = { userId: string } | { linkId: string };
export type SessionRecord = { user: SessionUser | null; link: SessionLink | null };

export async function readSessionRecord(db: Db, ref: SessionRef): Promise<SessionRecord> {
  if ("userId" in ref) {
    const [user] = await db.select(sessionColumns.user).from(users).where(eq(users.id, ref.userId)).limit(1);
    return { user: user ?? null, link: null };
  }
  const [link] = await db.select(sessionColumns.link).from(setupLinks).where(eq(setupLinks.id, ref.linkId)).limit(1);
  return { user: null, link: link ?? null };
}
