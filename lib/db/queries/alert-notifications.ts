import { and, asc, eq, gt, isNull, lte } from "drizzle-orm";
import type { Db } from "../client";
import { companies } from "../schema/companies";
import { alerts, supportDigests } from "../schema/push-health";

const DIGEST_ID = "support";

/** Open alerts nobody has emailed about yet, oldest first (the notifier's work list). */
export async function listUnnotifiedAlerts(db: Db, limit: number) {
  return db
    .select({ id: alerts.id, companyId: alerts.companyId })
    .from(alerts)
    .where(and(eq(alerts.state, "open"), isNull(alerts.notifiedAt)))
    .orderBy(asc(alerts.openedAt))
    .limit(limit);
}

/**
 * Claims an open alert's email: sets `notified_at` only if nobody has, so of two instances exactly one
 * gets the row back (and sends). Null when already claimed or closed.
 */
export async function claimAlertNotification(db: Db, alertId: string, now: Date) {
  const [row] = await db
    .update(alerts)
    .set({ notifiedAt: now })
    .where(and(eq(alerts.id, alertId), eq(alerts.state, "open"), isNull(alerts.notifiedAt)))
    .returning();
  return row ?? null;
}

/** Alerts opened in (since, until], with their company's name, oldest first (the digest's rows). */
export async function listAlertsOpenedBetween(db: Db, since: Date, until: Date, limit = 200) {
  return db
    .select({ alertId: alerts.id, companyId: alerts.companyId, companyName: companies.name, healthState: alerts.healthState, cause: alerts.cause })
    .from(alerts)
    .innerJoin(companies, eq(companies.id, alerts.companyId))
    .where(and(gt(alerts.openedAt, since), lte(alerts.openedAt, until)))
    .orderBy(asc(alerts.openedAt))
    .limit(limit);
}

/** The digest's one row, created if missing and locked until the transaction ends; its last send time. */
export async function lockSupportDigest(db: Db): Promise<{ lastSentAt: Date | null }> {
  await db.insert(supportDigests).values({ id: DIGEST_ID, lastSentAt: null }).onConflictDoNothing();
  const [row] = await db.select({ lastSentAt: supportDigests.lastSentAt }).from(supportDigests).where(eq(supportDigests.id, DIGEST_ID)).for("update");
  return { lastSentAt: row?.lastSentAt ?? null };
}

export async function markSupportDigestSent(db: Db, at: Date): Promise<void> {
  await db.update(supportDigests).set({ lastSentAt: at }).where(eq(supportDigests.id, DIGEST_ID));
}
