import { and, asc, eq, gt, gte, isNotNull, isNull, lte, notExists, or } from "drizzle-orm";
import type { Db } from "../client";
import { companies, setupLinks } from "../schema/companies";
import { setupReminders } from "../schema/email";
import { MAX_REMINDERS_PER_STALL } from "../../sage/reminders";

/**
 * Setups a reminder may be due for: push not enabled, a contact email, quiet since `quietSince` or
 * longer, a live invite (not revoked, not expired at `now`), and neither the last reminder of this
 * stall nor one sent after `quietSince` (so setups already reminded do not fill the batch).
 */
export async function findStalledSetups(db: Db, opts: { quietSince: Date; now: Date; limit: number }) {
  return db
    .select({
      companyId: companies.id,
      name: companies.name,
      contactEmail: companies.contactEmail,
      lastActivityAt: companies.lastActivityAt,
      inviteExpiresAt: setupLinks.expiresAt,
    })
    .from(companies)
    .innerJoin(
      setupLinks,
      and(
        eq(setupLinks.companyId, companies.id),
        eq(setupLinks.purpose, "invite"),
        isNull(setupLinks.revokedAt),
        gt(setupLinks.expiresAt, opts.now),
      ),
    )
    .where(
      and(
        eq(companies.pushEnabled, false),
        isNotNull(companies.contactEmail),
        lte(companies.lastActivityAt, opts.quietSince),
        notExists(
          db
            .select({ n: setupReminders.number })
            .from(setupReminders)
            .where(
              and(
                eq(setupReminders.companyId, companies.id),
                eq(setupReminders.stallStartedAt, companies.lastActivityAt),
                or(gte(setupReminders.number, MAX_REMINDERS_PER_STALL), gt(setupReminders.sentAt, opts.quietSince)),
              ),
            ),
        ),
      ),
    )
    .orderBy(asc(companies.lastActivityAt))
    .limit(opts.limit);
}

/** When each reminder of this stall was sent. */
export async function listStallReminders(db: Db, companyId: string, stallStartedAt: Date): Promise<Date[]> {
  const rows = await db
    .select({ sentAt: setupReminders.sentAt })
    .from(setupReminders)
    .where(and(eq(setupReminders.companyId, companyId), eq(setupReminders.stallStartedAt, stallStartedAt)));
  return rows.map((r) => r.sentAt);
}

/** Takes reminder `number` of a stall; false when another instance already did (its key is unique). */
export async function claimReminder(db: Db, v: { companyId: string; stallStartedAt: Date; number: number; sentAt: Date }) {
  const rows = await db.insert(setupReminders).values(v).onConflictDoNothing().returning({ number: setupReminders.number });
  return rows.length === 1;
}

export async function setReminderLink(db: Db, v: { companyId: string; stallStartedAt: Date; number: number; linkId: string }) {
  await db
    .update(setupReminders)
    .set({ linkId: v.linkId })
    .where(
      and(eq(setupReminders.companyId, v.companyId), eq(setupReminders.stallStartedAt, v.stallStartedAt), eq(setupReminders.number, v.number)),
    );
}
