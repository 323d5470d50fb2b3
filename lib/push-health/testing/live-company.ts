import { and, eq } from "drizzle-orm";
import { expect } from "vitest";
import type { StaffActor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/client";
import { getCompany, updateCompany, type CompanyRow } from "@/lib/db/queries/companies";
import { pushWrites } from "@/lib/db/schema/push-health";
import { setPushEnabled } from "@/lib/test-push/set-push-enabled";
import { startTestPush } from "@/lib/test-push/start-test-push";
import type { AppStack } from "@/lib/testing/app-stack";
import { waitUntil } from "@/lib/testing/wait-until";

/** A company set up to the end over the simulator: linked, a passing test push, push on (and a contact email, when given). */
export async function liveCompany(v: { db: Db; stack: AppStack; staff: StaffActor; name: string; contactEmail?: string }): Promise<CompanyRow> {
  const { db, stack, staff } = v;
  const company = await stack.linkedCompany(staff, v.name);
  if (v.contactEmail) await updateCompany(db, company.id, { contactEmail: v.contactEmail });
  await startTestPush(db, stack.codat, { company, actor: staff });
  await waitUntil(
    async () => {
      await stack.tick();
      return getCompany(db, company.id);
    },
    (c) => c?.latestTestPushStatus === "success",
  );
  await setPushEnabled(db, { companyId: company.id, actor: staff, enabled: true });
  return (await getCompany(db, company.id))!;
}

/** The integrator pushes a bill through Codat's own path (Sync for Payables); its push operation key. */
export async function pushBill(stack: AppStack, company: CompanyRow): Promise<string> {
  const res = await fetch(`${stack.url}/api/sim/codat/companies/${company.codatCompanyId}/connections/${company.codatConnectionId}/push/bills`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: stack.codat.authorizationHeader() },
    body: JSON.stringify({ issueDate: "2026-03-01T00:00:00Z", status: "Open", subTotal: 100, taxAmount: 20, totalAmount: 120, supplierRef: { id: "ACME01" } }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { pushOperationKey: string }).pushOperationKey;
}

/** Ticks the simulator until the company's write for `key` is recorded with an end state. */
export async function recordedWrite(db: Db, stack: AppStack, company: CompanyRow, key: string) {
  return waitUntil(
    async () => {
      await stack.tick();
      const [row] = await db.select().from(pushWrites).where(and(eq(pushWrites.companyId, company.id), eq(pushWrites.pushOperationKey, key)));
      return row ?? null;
    },
    (row) => row !== null && row.outcome !== "pending",
  );
}

/** The fix for a login clash: Sage 50 closed, then a test push; resolves once the company is healthy again. */
export async function closeSageAndTestPush(v: { db: Db; stack: AppStack; staff: StaffActor; company: CompanyRow }): Promise<void> {
  const { db, stack, company } = v;
  await stack.act(company.codatCompanyId, { type: "closeSage" });
  await startTestPush(db, stack.codat, { company: (await getCompany(db, company.id))!, actor: v.staff });
  await waitUntil(
    async () => {
      await stack.tick();
      return getCompany(db, company.id);
    },
    (c) => c?.pushHealthState === "healthy",
  );
}
