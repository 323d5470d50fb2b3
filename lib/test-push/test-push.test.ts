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
import { refreshConnection } from "@/lib/setup/refresh-connection";
import type { StaffActor } from "@/lib/auth/actor";
import type { SessionClaims } from "@/lib/auth/auth.config";
import { startTestPush } from "./start-test-push";
import { getLatestTestPushView } from "./get-test-push-view";
import { setPushEnabled } from "./set-push-enabled";
import { followTestPushes } from "./follow-test-pushes";
import { waitUntil } from "@/lib/testing/wait-until";

let staff: StaffActor;
const staffClaims = (): SessionClaims => ({ kind: "staff", userId: staff.id, role: staff.role, sessionVersion: 1, name: staff.name, email: staff.email });
const codatCalls: string[] = [];

describeEachDatabase("verified test push on $name", ({ open }) => {
  let h: DbHandle;
  let stack: AppStack;
  beforeAll(async () => {
    h = await open();
    stack = await openAppStack(h, { onCodatCall: (path, method) => codatCalls.push(`${method} ${path}`) });
    const user = await insertStaff(h.db, { email: "push-tests@example.com", name: "Tess", role: "support", passwordHash: "x" });
    staff = { type: "staff", id: user.id, role: "support", name: user.name, email: user.email };
  });
  afterAll(async () => {
    await stack?.close();
    await h?.close();
  });

  /** A company whose client did the PC side; `pc` tweaks the PC before linking finishes. */
  async function linkedCompany(name: string, opts: { userType?: "Administrator" | "Standard"; version?: number } = {}) {
    const { company } = await createSetup(h.db, stack.codat, { name, contactEmail: null, actor: staff, appUrl: stack.url });
    if (opts.version) await stack.act(company.codatCompanyId, { type: "setSageVersion", version: opts.version });
    await stack.linkPc(company.codatCompanyId, "Acme Push", opts.userType);
    await updateProgress(h.db, company.id, { pushUsername: "Acme Push", everydayUsernames: ["SARAH"] });
    const linked = await refreshConnection(h.db, stack.codat, company, { force: true });
    expect(linked.connectionStatus).toBe("Linked");
    return linked;
  }

  async function outcome(company: CompanyRow) {
    return waitUntil(
      () => getLatestTestPushView(h.db, stack.codat, staffClaims(), company.id),
      (v) => v !== null && !["starting", "pending"].includes(v.status),
    );
  }

  it("succeeds, and only then may push be enabled", async () => {
    const company = await linkedCompany("Success Ltd");
    await expect(setPushEnabled(h.db, { companyId: company.id, actor: staff, enabled: true })).rejects.toMatchObject({
      code: "test_push_required",
      status: 409,
    });
    const started = await startTestPush(h.db, stack.codat, { company, actor: staff });
    expect(started.pushOperationKey).toBeTruthy();
    expect(started.supplierRef).toMatch(/^[A-Z0-9]{1,8}$/);
    const view = await outcome(company);
    expect(view?.status).toBe("success");
    expect(view?.diagnosis.code).toBe("push_succeeded");
    const enabled = await setPushEnabled(h.db, { companyId: company.id, actor: staff, enabled: true });
    expect(enabled.pushEnabled).toBe(true);
    const types = (await listCompanyEvents(h.db, company.id)).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(["test_push.started", "test_push.success", "push.enabled", "push.enable_refused"]));
  });

  it("tells a concurrent login apart, and succeeds once Sage 50 is closed", async () => {
    const company = await linkedCompany("Clash Ltd");
    await stack.act(company.codatCompanyId, { type: "openSage", username: "Acme Push", password: "Pw12345" });
    await startTestPush(h.db, stack.codat, { company, actor: staff });
    const failed = await outcome(company);
    expect(failed?.status).toBe("failed");
    expect(failed?.diagnosis.code).toBe("concurrent_login");
    await stack.act(company.codatCompanyId, { type: "closeSage" });
    await startTestPush(h.db, stack.codat, { company, actor: staff });
    expect((await outcome(company))?.status).toBe("success");
  });

  it("tells the connector's saved login no longer works after the push user's password changed, and succeeds once updated", async () => {
    const company = await linkedCompany("New Password Ltd");
    await stack.act(company.codatCompanyId, { type: "changeSageUserPassword", name: "Acme Push", password: "Changed987" });
    await startTestPush(h.db, stack.codat, { company, actor: staff });
    const failed = await outcome(company);
    expect(failed?.status).toBe("failed");
    expect(failed?.diagnosis.code).toBe("connector_login_rejected");
    expect(failed?.diagnosis.candidates[0]?.code).toBe("concurrent_login");
    await stack.act(company.codatCompanyId, { type: "manageConnection", username: "Acme Push", password: "Changed987" });
    await startTestPush(h.db, stack.codat, { company, actor: staff });
    expect((await outcome(company))?.status).toBe("success");
  });

  it("tells the connector's saved login no longer works once the push user is deleted", async () => {
    const company = await linkedCompany("Deleted User Ltd");
    await stack.act(company.codatCompanyId, { type: "deleteSageUser", name: "Acme Push" });
    await startTestPush(h.db, stack.codat, { company, actor: staff });
    const failed = await outcome(company);
    expect(failed?.status).toBe("failed");
    expect(failed?.diagnosis.code).toBe("connector_login_rejected");
  });

  it.each([
    ["a Standard push user", { userType: "Standard" as const }, "insufficient_rights"],
    ["Sage 50 older than v22", { version: 21 }, "sage_version_unsupported"],
  ])("diagnoses %s", async (_label, opts, code) => {
    const company = await linkedCompany(`Diag ${code}`, opts);
    await startTestPush(h.db, stack.codat, { company, actor: staff });
    const view = await outcome(company);
    expect(view?.status).toBe("failed");
    expect(view?.diagnosis.code).toBe(code);
  });

  it("times out with the connector stopped, and says the connector is offline", async () => {
    const company = await linkedCompany("Offline Ltd");
    await stack.act(company.codatCompanyId, { type: "stopConnector" });
    await stack.setConfig({ minuteMs: 100 });
    try {
      await startTestPush(h.db, stack.codat, { company, actor: staff });
      // No fixed wait for the deadline: the simulator and the follower run until the push times out.
      const view = await waitUntil(
        async () => {
          await stack.tick();
          await followTestPushes(h.db, stack.codat);
          return getLatestTestPushView(h.db, stack.codat, staffClaims(), company.id);
        },
        (v) => v?.status === "timed_out",
        15_000,
      );
      expect(view?.status).toBe("timed_out");
      expect(view?.diagnosis.code).toBe("connector_offline");
    } finally {
      await stack.setConfig({ minuteMs: 500 });
    }
  });

  it("a paused connector leaves the push Pending and lists a paused connector after a time-out; resuming lets the next push through", async () => {
    const company = await linkedCompany("Paused Ltd");
    await stack.act(company.codatCompanyId, { type: "pauseConnector" });
    await stack.setConfig({ minuteMs: 100 });
    try {
      await startTestPush(h.db, stack.codat, { company, actor: staff });
      const view = await waitUntil(
        async () => {
          await stack.tick();
          await followTestPushes(h.db, stack.codat);
          return getLatestTestPushView(h.db, stack.codat, staffClaims(), company.id);
        },
        (v) => v?.status === "timed_out",
        15_000,
      );
      expect(view?.diagnosis.code).toBe("connector_offline");
      expect(view?.diagnosis.candidates.map((c) => c.code)).toEqual(["concurrent_login", "connector_paused", "connector_blocked_by_firewall"]);
    } finally {
      await stack.setConfig({ minuteMs: 500 });
    }
    await stack.act(company.codatCompanyId, { type: "resumeConnector" });
    await startTestPush(h.db, stack.codat, { company, actor: staff });
    expect((await outcome(company))?.status).toBe("success");
  });

  it("an installer run without Windows administrator rights is refused and the connection stays PendingAuth", async () => {
    const { company } = await createSetup(h.db, stack.codat, { name: "No Admin Ltd", contactEmail: null, actor: staff, appUrl: stack.url });
    await stack.act(company.codatCompanyId, { type: "setWindowsAdmin", enabled: false });
    await expect(stack.act(company.codatCompanyId, { type: "installConnector", licenseKey: company.codatCompanyId })).rejects.toThrow(/needs_windows_admin/);
    const refreshed = await refreshConnection(h.db, stack.codat, company, { force: true });
    expect(refreshed.connectionStatus).toBe("PendingAuth");
    await stack.act(company.codatCompanyId, { type: "setWindowsAdmin", enabled: true });
    await stack.linkPc(company.codatCompanyId, "Acme Push");
    expect((await refreshConnection(h.db, stack.codat, company, { force: true })).connectionStatus).toBe("Linked");
  });

  it("a firewall blocking the connector stops it linking; once allowed it links, and a later block leaves pushes to time out with the firewall listed", async () => {
    const { company } = await createSetup(h.db, stack.codat, { name: "Firewall Ltd", contactEmail: null, actor: staff, appUrl: stack.url });
    const id = company.codatCompanyId;
    await stack.act(id, { type: "setFirewallBlocksConnector", enabled: true });
    await stack.act(id, { type: "createSageUser", name: "Acme Push", userType: "Administrator", password: "Pw12345" });
    await stack.act(id, { type: "installConnector", licenseKey: id });
    await stack.act(id, { type: "chooseDataFile" });
    await stack.act(id, { type: "saveCredentials", username: "Acme Push", password: "Pw12345" });
    await expect(stack.act(id, { type: "confirmCompany" })).rejects.toThrow(/codat_unreachable/);
    expect((await refreshConnection(h.db, stack.codat, company, { force: true })).connectionStatus).toBe("PendingAuth");
    await stack.act(id, { type: "setFirewallBlocksConnector", enabled: false });
    await stack.act(id, { type: "confirmCompany" });
    await updateProgress(h.db, company.id, { pushUsername: "Acme Push", everydayUsernames: ["SARAH"] });
    const linked = await refreshConnection(h.db, stack.codat, company, { force: true });
    expect(linked.connectionStatus).toBe("Linked");

    await stack.act(id, { type: "setFirewallBlocksConnector", enabled: true });
    await stack.setConfig({ minuteMs: 100 });
    try {
      await startTestPush(h.db, stack.codat, { company: linked, actor: staff });
      const view = await waitUntil(
        async () => {
          await stack.tick();
          await followTestPushes(h.db, stack.codat);
          return getLatestTestPushView(h.db, stack.codat, staffClaims(), company.id);
        },
        (v) => v?.status === "timed_out",
        15_000,
      );
      expect(view?.diagnosis.candidates.map((c) => c.code)).toContain("connector_blocked_by_firewall");
    } finally {
      await stack.setConfig({ minuteMs: 500 });
    }
  });

  it("in one-time sync mode the connector removes itself after linking: the connection ends Deauthorized and the diagnosis names the setting", async () => {
    const { company } = await createSetup(h.db, stack.codat, { name: "One Time Ltd", contactEmail: null, actor: staff, appUrl: stack.url });
    await stack.act(company.codatCompanyId, { type: "setOneTimeSync", enabled: true });
    await stack.linkPc(company.codatCompanyId, "Acme Push");
    const refreshed = await refreshConnection(h.db, stack.codat, company, { force: true });
    expect(refreshed.connectionStatus).toBe("Deauthorized");
    await expect(startTestPush(h.db, stack.codat, { company: refreshed, actor: staff })).rejects.toMatchObject({ code: "connection_not_linked" });
  });

  it("refuses to start while the connector is not linked", async () => {
    const { company } = await createSetup(h.db, stack.codat, { name: "Unlinked Ltd", contactEmail: null, actor: staff, appUrl: stack.url });
    await expect(startTestPush(h.db, stack.codat, { company, actor: staff })).rejects.toMatchObject({ code: "connection_not_linked" });
  });

  it("20 concurrent starts yield exactly one push operation", async () => {
    const company = await linkedCompany("Race Ltd");
    await stack.setConfig({ processingDelayMs: 2000 });
    try {
      const rows = await Promise.all(
        Array.from({ length: 20 }, (_, i) => startTestPush(h.db, stack.codat, { company, actor: staff, idempotencyKey: i % 2 ? `k-${i}` : null })),
      );
      expect(new Set(rows.map((r) => r.id)).size).toBe(1);
      // Starts that came in while the first was still asking Codat hold the same row without its key yet.
      expect(new Set(rows.map((r) => r.pushOperationKey).filter(Boolean)).size).toBe(1);
      // Codat was asked to create exactly one supplier for this company: one push operation, not one per start.
      const pushes = codatCalls.filter((c) => c.startsWith(`POST /api/sim/codat/companies/${company.codatCompanyId}/`) && c.includes("/push/suppliers"));
      expect(pushes).toHaveLength(1);
      const started = (await listCompanyEvents(h.db, company.id)).filter((e) => e.type === "test_push.started");
      expect(started).toHaveLength(1);
    } finally {
      await stack.setConfig({ processingDelayMs: 0 });
    }
  });

  it("the same Idempotency-Key gives back the same push, even after it finished", async () => {
    const company = await linkedCompany("Idem Ltd");
    const a = await startTestPush(h.db, stack.codat, { company, actor: staff, idempotencyKey: "same-key-123" });
    await outcome(company);
    const b = await startTestPush(h.db, stack.codat, { company, actor: staff, idempotencyKey: "same-key-123" });
    expect(b.id).toBe(a.id);
  });

  it("foreign currencies block enabling until Foreign Trader is confirmed", async () => {
    await updateSettings(h.db, { pushCurrencies: ["EUR"] });
    try {
      const company = await linkedCompany("Currency Ltd");
      await startTestPush(h.db, stack.codat, { company, actor: staff });
      expect((await outcome(company))?.status).toBe("success");
      const fresh = (await getCompany(h.db, company.id))!;
      expect(fresh.baseCurrency).toBe("GBP");
      await expect(setPushEnabled(h.db, { companyId: company.id, actor: staff, enabled: true })).rejects.toMatchObject({
        code: "foreign_trader_unconfirmed",
      });
      const on = await setPushEnabled(h.db, { companyId: company.id, actor: staff, enabled: true, foreignTraderConfirmed: true });
      expect(on.pushEnabled).toBe(true);
    } finally {
      await updateSettings(h.db, { pushCurrencies: [] });
    }
  });

  it("50 concurrent pollers cause a bounded number of refreshes from Codat", async () => {
    const company = await linkedCompany("Pollers Ltd");
    await stack.setConfig({ processingDelayMs: 60_000, minuteMs: 60_000 });
    try {
      const row = await startTestPush(h.db, stack.codat, { company, actor: staff });
      const before = codatCalls.filter((p) => p.includes(`/push/${row.pushOperationKey}`)).length;
      const started = Date.now();
      while (Date.now() - started < 6_000) {
        const views = await Promise.all(Array.from({ length: 50 }, () => getLatestTestPushView(h.db, stack.codat, staffClaims(), company.id)));
        expect(views.every((v) => v?.status === "pending")).toBe(true);
        await new Promise((r) => setTimeout(r, 250));
      }
      const seconds = (Date.now() - started) / 1000;
      const refreshes = codatCalls.filter((p) => p.includes(`/push/${row.pushOperationKey}`)).length - before;
      // At most one refresh per 5 s per operation, whatever the number of pollers (+1 for the window edge).
      expect(refreshes).toBeGreaterThanOrEqual(1);
      expect(refreshes).toBeLessThanOrEqual(Math.ceil(seconds / 5) + 1);
    } finally {
      await stack.setConfig({ processingDelayMs: 0, minuteMs: 500 });
    }
  });

  it("applies a replayed webhook once", async () => {
    const company = await linkedCompany("Replay Ltd");
    await startTestPush(h.db, stack.codat, { company, actor: staff });
    await waitUntil(
      async () => {
        await stack.tick();
        return (await listCompanyEvents(h.db, company.id)).filter((e) => e.type === "webhook.received" && e.data.eventType === "suppliers.write.successful");
      },
      (rows) => rows.length === 1,
    );
    const res = await fetch(`${stack.url}/api/sim/webhooks?companyId=${company.codatCompanyId}&eventType=suppliers.write.successful`);
    const { deliveries } = (await res.json()) as { deliveries: { id: string }[] };
    expect(deliveries).toHaveLength(1);
    const replay = await fetch(`${stack.url}/api/sim/webhooks/${deliveries[0]!.id}/replay`, { method: "POST" });
    expect(replay.status).toBe(200);
    expect(stack.webhookOutcomes.at(-1)).toBe("duplicate");
    const events = await listCompanyEvents(h.db, company.id);
    expect(events.filter((e) => e.type === "webhook.received" && e.data.eventType === "suppliers.write.successful")).toHaveLength(1);
    expect(events.filter((e) => e.type === "test_push.success")).toHaveLength(1);
  });
});
