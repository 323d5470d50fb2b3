import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "@/lib/db/testing/test-databases";
import type { DbHandle } from "@/lib/db/client";
import { openAppStack, type AppStack } from "@/lib/testing/app-stack";
import { createSetup } from "@/lib/setup/create-setup";
import { getCompany, type CompanyRow } from "@/lib/db/queries/companies";
import { listCompanyEvents } from "@/lib/db/queries/events";
import { updateProgress } from "@/lib/db/queries/progress";
import { updateSettings } from "@/lib/db/queries/settings";
import { insertStaff } from "@/lib/db/queries/staff";
import { getTestPush, type TestPushRow } from "@/lib/db/queries/test-pushes";
import { getPushOperation } from "@/lib/codat/push-operations";
import { refreshConnection } from "@/lib/setup/refresh-connection";
import { simSuppliers } from "@/lib/simulator/schema";
import type { StaffActor } from "@/lib/auth/actor";
import { startTestPush } from "./start-test-push";
import { followTestPushes } from "./follow-test-pushes";
import { refreshTestPush } from "./refresh-test-push";
import { setPushEnabled } from "./set-push-enabled";
import { toTestPushView } from "./test-push-view";
import { waitUntil } from "@/lib/testing/wait-until";

let staff: StaffActor;
const codatCalls: string[] = [];

describeEachDatabase("a test push after our deadline on $name", ({ open }) => {
  let h: DbHandle;
  let stack: AppStack;
  beforeAll(async () => {
    h = await open();
    // Codat's own timeout far away (a simulated minute is a real one): only our deadline passes.
    stack = await openAppStack(h, { config: { minuteMs: 60_000 }, onCodatCall: (path, method) => codatCalls.push(`${method} ${path}`) });
    const user = await insertStaff(h.db, { email: "late-tests@example.com", name: "Lee", role: "support", passwordHash: "x" });
    staff = { type: "staff", id: user.id, role: "support", name: user.name, email: user.email };
  });
  afterAll(async () => {
    await stack?.close();
    await h?.close();
  });

  async function linkedCompany(name: string) {
    const { company } = await createSetup(h.db, stack.codat, { name, contactEmail: null, actor: staff, appUrl: stack.url });
    await stack.linkPc(company.codatCompanyId, "Acme Push");
    await updateProgress(h.db, company.id, { pushUsername: "Acme Push", everydayUsernames: ["SARAH"] });
    const linked = await refreshConnection(h.db, stack.codat, company, { force: true });
    expect(linked.connectionStatus).toBe("Linked");
    return linked;
  }

  /** A push the connector does not collect, timed out by our deadline (the follower run as if later). */
  async function timedOutPush(company: CompanyRow): Promise<TestPushRow> {
    await stack.act(company.codatCompanyId, { type: "stopConnector" });
    const started = await startTestPush(h.db, stack.codat, { company, actor: staff });
    expect(started.status).toBe("pending");
    await followTestPushes(h.db, stack.codat, new Date(started.deadlineAt.getTime() + 1_000));
    const row = (await getTestPush(h.db, company.id, started.id))!;
    expect(row.status).toBe("timed_out");
    expect(row.followUntil?.getTime()).toBe(started.startedAt.getTime() + 24 * 3_600_000);
    const view = toTestPushView(row, company, { pushUsername: "Acme Push", everydayUsernames: [] });
    expect(view.followingUntil).toBe(row.followUntil?.toISOString());
    return row;
  }

  const supplierPosts = (company: CompanyRow) =>
    codatCalls.filter((c) => c.startsWith(`POST /api/sim/codat/companies/${company.codatCompanyId}/`) && c.includes("/push/suppliers")).length;

  it("applies a late Success once when a webhook and polls race, and readiness follows", async () => {
    const company = await linkedCompany("Late Success Ltd");
    const row = await timedOutPush(company);
    await expect(setPushEnabled(h.db, { companyId: company.id, actor: staff, enabled: true })).rejects.toMatchObject({ code: "test_push_required" });

    await stack.act(company.codatCompanyId, { type: "startConnector" });
    // The simulator writes the supplier and sends suppliers.write.successful while pollers ask Codat.
    await Promise.all([stack.tick(), ...Array.from({ length: 6 }, () => refreshTestPush(h.db, stack.codat, row, company, { force: true }))]);
    const done = await waitUntil(
      async () => {
        await stack.tick();
        await followTestPushes(h.db, stack.codat);
        return {
          status: (await getTestPush(h.db, company.id, row.id))?.status,
          webhooks: (await listCompanyEvents(h.db, company.id)).filter(
            (e) => e.type === "webhook.received" && e.data.eventType === "suppliers.write.successful",
          ).length,
        };
      },
      (v) => v.status === "success" && v.webhooks === 1,
    );
    expect(done.status).toBe("success");

    const stored = (await getTestPush(h.db, company.id, row.id))!;
    expect(stored).toMatchObject({ status: "success", codatStatus: "Success", diagnosisCode: "push_succeeded", followUntil: null });
    expect(toTestPushView(stored, company, { pushUsername: "Acme Push", everydayUsernames: [] }).followingUntil).toBeNull();
    const successes = (await listCompanyEvents(h.db, company.id)).filter((e) => e.type === "test_push.success");
    expect(successes).toHaveLength(1);
    expect(successes[0]?.data).toMatchObject({ late: true });
    // Readiness reads the new verdict.
    const enabled = await setPushEnabled(h.db, { companyId: company.id, actor: staff, enabled: true });
    expect(enabled.pushEnabled).toBe(true);
  });

  it("a late failure replaces the verdict and its diagnosis", async () => {
    const company = await linkedCompany("Late Failure Ltd");
    const row = await timedOutPush(company);
    expect(row.diagnosisCode).toBe("connector_offline");
    await stack.act(company.codatCompanyId, { type: "openSage", username: "Acme Push", password: "Pw12345" });
    await stack.act(company.codatCompanyId, { type: "startConnector" });
    const failed = await waitUntil(
      async () => {
        await stack.tick();
        return (await refreshTestPush(h.db, stack.codat, (await getTestPush(h.db, company.id, row.id))!, company, { force: true })).status;
      },
      (status) => status === "failed",
    );
    expect(failed).toBe("failed");
    expect((await getTestPush(h.db, company.id, row.id))?.diagnosisCode).toBe("concurrent_login");
    const events = (await listCompanyEvents(h.db, company.id)).filter((e) => e.type === "test_push.failed");
    expect(events).toHaveLength(1);
    expect(events[0]?.data).toMatchObject({ late: true });
  });

  it("a retry after a timeout whose push landed meanwhile pushes no second supplier", async () => {
    const company = await linkedCompany("Retry Landed Ltd");
    await stack.setConfig({ webhooksEnabled: false });
    try {
      const row = await timedOutPush(company);
      await stack.act(company.codatCompanyId, { type: "startConnector" });
      await stack.tick();
      expect((await getTestPush(h.db, company.id, row.id))?.status).toBe("timed_out");
      const retry = await startTestPush(h.db, stack.codat, { company, actor: staff });
      expect(retry.id).toBe(row.id);
      expect(retry.status).toBe("success");
      expect(supplierPosts(company)).toBe(1);
    } finally {
      await stack.setConfig({ webhooksEnabled: true });
    }
  });

  it("a retry after Codat's own timeout finds the earlier test supplier in Sage 50 and reports it", async () => {
    const company = await linkedCompany("Retry Found Ltd");
    await stack.act(company.codatCompanyId, { type: "stopConnector" });
    await stack.setConfig({ minuteMs: 50 });
    let row: TestPushRow;
    try {
      const started = await startTestPush(h.db, stack.codat, { company, actor: staff });
      row = await waitUntil(
        async () => {
          await stack.tick();
          return refreshTestPush(h.db, stack.codat, (await getTestPush(h.db, company.id, started.id))!, company, { force: true });
        },
        (r) => r.status === "timed_out",
      );
    } finally {
      await stack.setConfig({ minuteMs: 60_000 });
    }
    expect(row).toMatchObject({ codatStatus: "TimedOut", followUntil: null });
    // Codat documents that the write may still land after its timeout: here it did.
    await h.db.insert(simSuppliers).values({
      companyId: company.codatCompanyId,
      id: row.supplierRef,
      name: row.supplierName,
      body: { id: row.supplierRef, supplierName: row.supplierName, status: "Active" },
      pushOperationKey: row.pushOperationKey,
      createdAt: new Date(),
    });
    await stack.act(company.codatCompanyId, { type: "startConnector" });
    const retry = await startTestPush(h.db, stack.codat, { company, actor: staff });
    expect(retry).toMatchObject({ id: row.id, status: "success" });
    expect(supplierPosts(company)).toBe(1);
    const found = (await listCompanyEvents(h.db, company.id)).filter((e) => e.type === "test_push.success");
    expect(found.map((e) => e.data.found)).toEqual(["supplier_exists"]);

    // Nothing landed this time: the next retry does push.
    const next = await startTestPush(h.db, stack.codat, { company, actor: staff });
    expect(next.id).not.toBe(row.id);
    expect(supplierPosts(company)).toBe(2);
  });

  it("new pushes use the admin's deadline", async () => {
    const company = await linkedCompany("Deadline Ltd");
    await updateSettings(h.db, { testPushTimeoutMinutes: 2 });
    try {
      await stack.act(company.codatCompanyId, { type: "stopConnector" });
      const row = await startTestPush(h.db, stack.codat, { company, actor: staff });
      expect(row.timeoutInMinutes).toBe(2);
      expect(row.deadlineAt.getTime() - row.startedAt.getTime()).toBe(2 * 60_000 + 60_000);
      const op = await getPushOperation(stack.codat, company.codatCompanyId, row.pushOperationKey!);
      expect(op.timeoutInMinutes).toBe(2);
    } finally {
      await updateSettings(h.db, { testPushTimeoutMinutes: 5 });
    }
    expect((await getCompany(h.db, company.id))?.id).toBe(company.id);
  });
});
