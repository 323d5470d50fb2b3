import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { insertCompany } from "@/lib/db/queries/companies";
import { companies } from "@/lib/db/schema/companies";
import { events } from "@/lib/db/schema/events";
import { setupProgress } from "@/lib/db/schema/progress";
import { pushWriteDays, pushWrites } from "@/lib/db/schema/push-health";
import { testPushes } from "@/lib/db/schema/test-pushes";
import type { DiagnosisCode } from "@/lib/sage/diagnosis-codes";
import type { ConnectionStatus, SetupFlow, TestPushStatus } from "@/lib/sage/types";

/**
 * One setup's history at known times, written straight to the tables insights read (the demo's past
 * setups, and the insights tests' known events). Every time is in hours after the setup was created
 * (`createdDaysAgo` before `now`). The Codat company id is made up: such a setup has no company at
 * Codat or in the simulator, so only what is stored about it can be shown.
 */
export type SetupHistory = {
  name: string;
  flow?: SetupFlow;
  createdDaysAgo: number;
  connectionStatus: ConnectionStatus | null;
  linkIssuedAt?: number;
  beforeStartDone?: number;
  pushUserDone?: number;
  connectorLinked?: number;
  companyConfirmed?: number;
  pushes?: { status: TestPushStatus; at: number; diagnosisCode?: DiagnosisCode }[];
  pushEnabled?: number;
  /** Days before `now` the last activity was (default: the last time above). */
  quietDays?: number;
  /** Failed real writes kept with their cause, and the day's counted failures. */
  writes?: { failed: { diagnosisCode: DiagnosisCode; daysAgo: number }[]; days: { daysAgo: number; failed: number }[] };
};

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export async function seedHistory(db: Db, h: SetupHistory, now: Date, codatCompanyId: string = randomUUID()): Promise<string> {
  const created = new Date(now.getTime() - h.createdDaysAgo * DAY);
  const at = (hours: number | undefined) => (hours === undefined ? null : new Date(created.getTime() + hours * HOUR));
  const connectionId = h.connectionStatus ? `conn-${randomUUID()}` : null;
  const company = await insertCompany(db, {
    name: h.name,
    flow: h.flow ?? "new",
    codatCompanyId,
    codatConnectionId: connectionId,
    connectionStatus: h.connectionStatus,
    linkUrl: null,
    createdBy: null,
  });
  await db
    .update(setupProgress)
    .set({
      beforeStartDoneAt: at(h.beforeStartDone),
      pushUserDoneAt: at(h.pushUserDone),
      pushUsername: h.pushUserDone === undefined ? null : "PUSH",
      connectorLinkedAt: at(h.connectorLinked),
      companyConfirmedAt: at(h.companyConfirmed),
    })
    .where(eq(setupProgress.companyId, company.id));
  for (const push of h.pushes ?? []) {
    const completedAt = at(push.at)!;
    await db.insert(testPushes).values({
      companyId: company.id,
      connectionId: connectionId ?? "conn-none",
      supplierRef: "TEST0001",
      supplierName: "Connection test - safe to delete",
      status: push.status,
      diagnosisCode: push.diagnosisCode ?? (push.status === "success" ? "push_succeeded" : null),
      timeoutInMinutes: 5,
      deadlineAt: new Date(completedAt.getTime() + 5 * 60_000),
      startedByType: "client",
      startedAt: new Date(completedAt.getTime() - 60_000),
      completedAt,
    });
  }
  if (h.linkIssuedAt !== undefined) {
    await db.insert(events).values({ companyId: company.id, actorType: "staff", type: "setup_link.issued", createdAt: at(h.linkIssuedAt)! });
  }
  for (const [i, w] of (h.writes?.failed ?? []).entries()) {
    const when = new Date(now.getTime() - w.daysAgo * DAY);
    await db.insert(pushWrites).values({
      companyId: company.id,
      pushOperationKey: `op-${i}-${randomUUID()}`,
      dataType: "bills",
      outcome: "failed",
      codatStatus: "Failed",
      completedAt: when,
      recordedAt: when,
      diagnosisCode: w.diagnosisCode,
    });
  }
  for (const d of h.writes?.days ?? []) {
    const day = new Date(now.getTime() - d.daysAgo * DAY).toISOString().slice(0, 10);
    await db.insert(pushWriteDays).values({ companyId: company.id, day, dataType: "bills", failed: d.failed });
  }
  const times = [h.beforeStartDone, h.pushUserDone, h.connectorLinked, h.companyConfirmed, h.pushEnabled, ...(h.pushes ?? []).map((p) => p.at)];
  const last = at(Math.max(0, ...times.filter((t): t is number => t !== undefined)))!;
  await db
    .update(companies)
    .set({
      createdAt: created,
      pushEnabled: h.pushEnabled !== undefined,
      pushEnabledAt: at(h.pushEnabled),
      lastActivityAt: h.quietDays === undefined ? last : new Date(now.getTime() - h.quietDays * DAY),
    })
    .where(eq(companies.id, company.id));
  return company.id;
}
