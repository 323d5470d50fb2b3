import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { insertCompany, updateCompany, type CompanyRow } from "@/lib/db/queries/companies";
import { insertStaff } from "@/lib/db/queries/staff";
import { companies } from "@/lib/db/schema/companies";
import { setupProgress } from "@/lib/db/schema/progress";
import { testPushes } from "@/lib/db/schema/test-pushes";
import type { TestPushStatus } from "@/lib/sage/types";
import type { ConnectionStatus, SetupFlow } from "@/lib/sage/types";
import type { StaffActor } from "@/lib/auth/actor";
import { isTestPushRunning } from "@/lib/sage/test-push-status";

/** Test-only: companies in a given state, written straight to the tables the product reads. */
export type SetupState = {
  name: string;
  flow?: SetupFlow;
  connectionStatus?: ConnectionStatus | null;
  pushEnabled?: boolean;
  daysSinceActivity?: number;
  /** Oldest first; each is one test push on the company's current connection unless `oldConnection`. */
  pushes?: { status: TestPushStatus; minutesAgo: number; oldConnection?: boolean }[];
  progress?: Partial<typeof setupProgress.$inferInsert>;
};

const DAY = 86_400_000;

export async function seedSetup(db: Db, state: SetupState, now = new Date()): Promise<CompanyRow> {
  const connectionId = state.connectionStatus === null ? null : `conn-${randomUUID()}`;
  const company = await insertCompany(db, {
    name: state.name,
    contactEmail: `${state.name.toLowerCase().replace(/[^a-z]+/g, ".")}@example.com`,
    flow: state.flow ?? "new",
    codatCompanyId: randomUUID(),
    codatConnectionId: connectionId,
    connectionStatus: state.connectionStatus === undefined ? "PendingAuth" : state.connectionStatus,
    linkUrl: null,
    createdBy: null,
  });
  for (const push of state.pushes ?? []) {
    const startedAt = new Date(now.getTime() - push.minutesAgo * 60_000);
    const running = isTestPushRunning(push.status);
    await db.insert(testPushes).values({
      companyId: company.id,
      connectionId: push.oldConnection || !connectionId ? "conn-old" : connectionId,
      supplierRef: "TEST0001",
      supplierName: "Acme Pay connection test - safe to delete",
      status: push.status,
      errorMessage: push.status === "failed" ? "The login 'SARAH' is already in use." : null,
      timeoutInMinutes: 5,
      deadlineAt: new Date(startedAt.getTime() + 6 * 60_000),
      startedByType: "staff",
      startedAt,
      completedAt: running ? null : new Date(startedAt.getTime() + 30_000),
    });
  }
  if (state.progress) {
    await db.update(setupProgress).set(state.progress).where(eq(setupProgress.companyId, company.id));
  }
  const updated = await updateCompany(db, company.id, {
    pushEnabled: state.pushEnabled ?? false,
    lastActivityAt: new Date(now.getTime() - (state.daysSinceActivity ?? 0) * DAY),
  });
  return updated!;
}

export async function seedStaffActor(db: Db, role: "admin" | "support" = "admin"): Promise<StaffActor> {
  const email = `${role}-${randomUUID().slice(0, 8)}@example.com`;
  const row = await insertStaff(db, { email, name: `Test ${role}`, role, passwordHash: "scrypt$x$y" });
  return { type: "staff", id: row.id, role, name: row.name, email: row.email };
}

export async function readCompany(db: Db, id: string) {
  const [row] = await db.select().from(companies).where(eq(companies.id, id));
  return row!;
}
