import { and, desc, eq } from "drizzle-orm";
import type { Db } from "../client";
import { companies } from "../schema/companies";
import { alerts } from "../schema/push-health";
import type { DiagnosisCode } from "@/lib/sage/diagnosis-codes";
import type { PushHealthState } from "@/lib/sage/push-health";

export type AlertRow = typeof alerts.$inferSelect;

/**
 * The facts push health is computed from, with the company row locked until the transaction ends.
 * `no key update`: it does not wait for, nor block, the key-share locks that rows referencing the company
 * take (a write, a count, an event inserted by another transaction).
 */
export async function lockCompanyHealth(db: Db, companyId: string) {
  const [row] = await db
    .select({
      id: companies.id,
      connectionStatus: companies.connectionStatus,
      pushEnabled: companies.pushEnabled,
      state: companies.pushHealthState,
      cause: companies.pushHealthCause,
      since: companies.pushHealthSince,
      latestTestPushStatus: companies.latestTestPushStatus,
      latestTestPushAt: companies.latestTestPushAt,
    })
    .from(companies)
    .where(eq(companies.id, companyId))
    .for("no key update");
  return row ?? null;
}

export async function storeCompanyHealth(
  db: Db,
  companyId: string,
  health: { state: PushHealthState; cause: DiagnosisCode | null; since: Date | null; evaluatedAt: Date },
): Promise<void> {
  await db
    .update(companies)
    .set({ pushHealthState: health.state, pushHealthCause: health.cause, pushHealthSince: health.since, pushHealthEvaluatedAt: health.evaluatedAt })
    .where(eq(companies.id, companyId));
}

/** Opens an alert unless one is open already (the partial unique index decides); null when one was. */
export async function openAlert(db: Db, v: { companyId: string; healthState: PushHealthState; cause: DiagnosisCode | null; openedAt: Date }) {
  const [row] = await db.insert(alerts).values({ ...v, state: "open" }).onConflictDoNothing().returning();
  return row ?? null;
}

/** Brings the open alert's state and cause up to date (a failing company that got disconnected, …). */
export async function updateOpenAlert(db: Db, companyId: string, v: { healthState: PushHealthState; cause: DiagnosisCode | null }) {
  await db
    .update(alerts)
    .set(v)
    .where(and(eq(alerts.companyId, companyId), eq(alerts.state, "open")));
}

/** Closes the company's open alert; null when none was open. */
export async function closeOpenAlert(db: Db, companyId: string, closedAt: Date): Promise<AlertRow | null> {
  const [row] = await db
    .update(alerts)
    .set({ state: "closed", closedAt })
    .where(and(eq(alerts.companyId, companyId), eq(alerts.state, "open")))
    .returning();
  return row ?? null;
}

export async function getOpenAlert(db: Db, companyId: string): Promise<AlertRow | null> {
  const [row] = await db
    .select()
    .from(alerts)
    .where(and(eq(alerts.companyId, companyId), eq(alerts.state, "open")))
    .limit(1);
  return row ?? null;
}

/** The company's alerts, newest first. */
export async function listAlerts(db: Db, companyId: string, limit = 20): Promise<AlertRow[]> {
  return db.select().from(alerts).where(eq(alerts.companyId, companyId)).orderBy(desc(alerts.openedAt)).limit(limit);
}
