import { and, asc, eq, lt, lte, notExists, sql } from "drizzle-orm";
import type { Db } from "../client";
import { companies } from "../schema/companies";
import { setupStalls } from "../schema/progress";

/**
 * Setups stalled and not yet announced: push not enabled, quiet since `quietSince` or longer, and no
 * announcement of this stall (the stall is the company's current last activity). Contact email and
 * invite play no part: the webhook goes whether or not a reminder can.
 */
export async function findUnannouncedStalls(db: Db, opts: { quietSince: Date; limit: number }) {
  return db
    .select({ companyId: companies.id, lastActivityAt: companies.lastActivityAt })
    .from(companies)
    .where(
      and(
        eq(companies.pushEnabled, false),
        lte(companies.lastActivityAt, opts.quietSince),
        notExists(
          db
            .select({ one: sql`1` })
            .from(setupStalls)
            .where(and(eq(setupStalls.companyId, companies.id), eq(setupStalls.stallStartedAt, companies.lastActivityAt))),
        ),
      ),
    )
    .orderBy(asc(companies.lastActivityAt))
    .limit(opts.limit);
}

/**
 * Takes the announcement of the stall that began at `stallStartedAt`: true for exactly one caller,
 * false when it (or a later stall) was already announced.
 */
export async function claimStallAnnouncement(db: Db, v: { companyId: string; stallStartedAt: Date; now: Date }): Promise<boolean> {
  const rows = await db
    .insert(setupStalls)
    .values({ companyId: v.companyId, stallStartedAt: v.stallStartedAt, announcedAt: v.now })
    .onConflictDoUpdate({
      target: setupStalls.companyId,
      set: { stallStartedAt: v.stallStartedAt, announcedAt: v.now },
      setWhere: lt(setupStalls.stallStartedAt, v.stallStartedAt),
    })
    .returning({ companyId: setupStalls.companyId });
  return rows.length === 1;
}
