import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeEachDatabase } from "@/lib/db/testing/test-databases";
import type { DbHandle } from "@/lib/db/client";
import type { CodatWebhookEvent } from "@/lib/codat/webhooks";
import { openAppStack, type AppStack } from "@/lib/testing/app-stack";
import { getCompany, updateCompany, type CompanyRow } from "@/lib/db/queries/companies";
import { listCompanyEvents } from "@/lib/db/queries/events";
import { listAlerts, openAlert } from "@/lib/db/queries/push-health";
import { countWrite, listFailedWrites, listWriteDays, RECENT_WRITES_KEPT, startOfHour, sumWriteHours, upsertPushWrite } from "@/lib/db/queries/push-writes";
import { alerts, pushWrites } from "@/lib/db/schema/push-health";
import { isInjectedFailure, withFailingWrite } from "@/lib/db/testing/fail-writes";
import { handleCodatWebhook } from "@/lib/webhooks/handle-codat-webhook";
import { seedSetup, seedStaffActor } from "@/lib/support/testing/setup-fixtures";
import type { StaffActor } from "@/lib/auth/actor";
import { evaluatePushHealth } from "./evaluate-push-health";
import { recordWrite } from "./record-write";
import { loadPushHealth } from "./load-push-health";
import { recheckPendingWrites } from "./recheck-pending-writes";
import { offlineCodat, writeEvent } from "./testing/write-events";
import { closeSageAndTestPush, liveCompany as setUpLiveCompany, pushBill as pushBillThroughCodat, recordedWrite } from "./testing/live-company";

const today = () => new Date().toISOString().slice(0, 10);

describeEachDatabase("push health after setup, over the simulator, on $name", ({ open }) => {
  let h: DbHandle;
  let stack: AppStack;
  let staff: StaffActor;
  beforeAll(async () => {
    h = await open();
    stack = await openAppStack(h);
    staff = await seedStaffActor(h.db, "support");
  });
  afterAll(async () => {
    await stack?.close();
    await h?.close();
  });

  const liveCompany = (name: string) => setUpLiveCompany({ db: h.db, stack, staff, name });
  const pushBill = (company: CompanyRow) => pushBillThroughCodat(stack, company);
  const recorded = (company: CompanyRow, key: string) => recordedWrite(h.db, stack, company, key);

  it("a bill push failing on a login clash makes the company failing with one alert; closing Sage 50 and two good pushes close it", async () => {
    const company = await liveCompany("Clash After Setup Ltd");
    expect(company.pushEnabled).toBe(true);

    await stack.act(company.codatCompanyId, { type: "openSage", username: "Acme Push", password: "Pw12345" });
    const failed = await recorded(company, await pushBill(company));
    if (!failed) throw new Error("no write recorded");
    expect(failed).toMatchObject({ dataType: "bills", outcome: "failed", codatStatus: "Failed", diagnosisCode: "concurrent_login" });
    expect(failed.evidence).toMatchObject({ pushStatus: "Failed", request: "GET /companies/{companyId}/push/{pushOperationKey}" });
    expect(failed.evidence?.errorMessage).toBeTruthy();
    expect(JSON.stringify(failed.evidence)).not.toContain(company.codatCompanyId);

    let stored = (await getCompany(h.db, company.id))!;
    expect(stored).toMatchObject({ pushHealthState: "failing", pushHealthCause: "concurrent_login" });
    let alerts = await listAlerts(h.db, company.id);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ state: "open", healthState: "failing", cause: "concurrent_login", notifiedAt: null });
    let types = (await listCompanyEvents(h.db, company.id)).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(["push_health.changed", "alert.opened"]));
    const failing = await loadPushHealth(h.db, company.id);
    expect(failing).toMatchObject({ state: "failing", cause: "concurrent_login", repairStep: "credentials", lastSuccessAt: null, openAlert: { cause: "concurrent_login" } });
    expect(failing?.recentFailures[0]).toMatchObject({ dataType: "bills", diagnosisCode: "concurrent_login", evidence: { pushStatus: "Failed" } });

    await stack.act(company.codatCompanyId, { type: "closeSage" });
    await recorded(company, await pushBill(company));
    stored = (await getCompany(h.db, company.id))!;
    expect(stored.pushHealthState).toBe("at_risk");
    expect((await listAlerts(h.db, company.id))[0]?.state).toBe("open");

    await recorded(company, await pushBill(company));
    stored = (await getCompany(h.db, company.id))!;
    expect(stored).toMatchObject({ pushHealthState: "healthy", pushHealthCause: null });
    alerts = await listAlerts(h.db, company.id);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ state: "closed", closedAt: expect.any(Date) });
    types = (await listCompanyEvents(h.db, company.id)).map((e) => e.type);
    expect(types.filter((t) => t === "alert.opened")).toHaveLength(1);
    expect(types.filter((t) => t === "alert.closed")).toHaveLength(1);

    expect(await listWriteDays(h.db, company.id, today())).toEqual([{ day: today(), dataType: "bills", succeeded: 2, failed: 1 }]);
    const healthy = await loadPushHealth(h.db, company.id);
    expect(healthy).toMatchObject({ state: "healthy", openAlert: null, counts: { today: { succeeded: 2, failed: 1 }, last30d: { succeeded: 2, failed: 1 } } });
    expect(healthy?.days).toHaveLength(30);
    expect(healthy?.lastSuccessAt?.getTime()).toBeGreaterThan(healthy?.lastFailureAt?.getTime() ?? Infinity);
  });

  it("after a login clash, closing Sage 50 and a passing test push make the company healthy and close its alert", async () => {
    const company = await liveCompany("Repaired By Test Push Ltd");
    await stack.act(company.codatCompanyId, { type: "openSage", username: "Acme Push", password: "Pw12345" });
    await recorded(company, await pushBill(company));
    expect((await loadPushHealth(h.db, company.id))?.repairStep).toBe("credentials");
    expect(await listAlerts(h.db, company.id)).toMatchObject([{ state: "open" }]);

    await closeSageAndTestPush({ db: h.db, stack, staff, company });
    expect(await listAlerts(h.db, company.id)).toMatchObject([{ state: "closed" }]);
    const types = (await listCompanyEvents(h.db, company.id)).map((e) => e.type);
    expect(types).toContain("alert.closed");
    expect(types.indexOf("alert.closed")).toBeLessThan(types.indexOf("alert.opened")); // newest first
  });

  it("a connection that stops being Linked makes a live company disconnected, with an alert", async () => {
    const company = await liveCompany("Unlinked Later Ltd");
    const event: CodatWebhookEvent = {
      id: `msg_${randomUUID()}`,
      generatedDate: new Date(Date.now() + 1000).toISOString(),
      type: "connection.disconnected",
      payload: { referenceCompany: { id: company.codatCompanyId }, connection: { id: company.codatConnectionId!, status: "Unlinked" } },
    };
    expect(await handleCodatWebhook(h.db, stack.codat, event)).toBe("handled");
    expect(await getCompany(h.db, company.id)).toMatchObject({ pushHealthState: "disconnected", pushHealthCause: "connection_unlinked" });
    expect(await listAlerts(h.db, company.id)).toMatchObject([{ state: "open", healthState: "disconnected" }]);
  });
});

/** Codat is not reachable here: failed writes are diagnosed from the webhook and the error. */
const offline = offlineCodat;

describeEachDatabase("write webhooks counted once on $name", ({ open }) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await open();
  });
  afterAll(async () => {
    await h?.close();
  });

  async function liveCompany(name: string) {
    const company = await seedSetup(h.db, { name, connectionStatus: "Linked" });
    return (await updateCompany(h.db, company.id, { pushEnabled: true }))!;
  }

  it("hourly counts: the last 24 hours are the current UTC hour and the 23 before it, and hours older than 48 are deleted", async () => {
    const company = await liveCompany("Hours Ltd");
    const now = new Date();
    const hour = startOfHour(now).getTime();
    const ago = (hours: number) => new Date(hour - hours * 3_600_000 + 60_000);
    await countWrite(h.db, { companyId: company.id, at: ago(60), dataType: "bills", succeeded: true });
    await countWrite(h.db, { companyId: company.id, at: ago(24), dataType: "bills", succeeded: false });
    await countWrite(h.db, { companyId: company.id, at: ago(23), dataType: "bills", succeeded: true });
    await countWrite(h.db, { companyId: company.id, at: ago(0), dataType: "journalEntries", succeeded: false });
    await countWrite(h.db, { companyId: company.id, at: ago(0), dataType: "bills", succeeded: true });
    expect(await sumWriteHours(h.db, company.id, new Date(hour - 23 * 3_600_000))).toEqual({ succeeded: 2, failed: 1 });
    expect((await loadPushHealth(h.db, company.id, { now }))?.counts.last24h).toEqual({ succeeded: 2, failed: 1 });
    // The 60-hours-old hour went when a newer hour's row was added; the 24-hours-old one stays.
    expect(await sumWriteHours(h.db, company.id, new Date(0))).toEqual({ succeeded: 2, failed: 2 });
  });

  it("replays (same webhook id, or another id for the same operation) and out-of-order deliveries count each write once", async () => {
    const company = await liveCompany("Replays Ltd");
    const a = writeEvent(company, "op-a", "Success");
    expect(await handleCodatWebhook(h.db, offline, a)).toBe("handled");
    expect(await handleCodatWebhook(h.db, offline, a)).toBe("duplicate");
    expect(await handleCodatWebhook(h.db, offline, { ...a, id: `msg_${randomUUID()}` })).toBe("handled");
    // Success delivered before Pending: the late Pending changes nothing.
    await handleCodatWebhook(h.db, offline, writeEvent(company, "op-b", "Success", { dataType: "billPayments" }));
    await handleCodatWebhook(h.db, offline, writeEvent(company, "op-b", "Pending", { dataType: "billPayments" }));
    // Pending then Success: counted once, when it ends.
    await handleCodatWebhook(h.db, offline, writeEvent(company, "op-c", "Pending"));
    expect(await listWriteDays(h.db, company.id, today())).toEqual([
      { day: today(), dataType: "billPayments", succeeded: 1, failed: 0 },
      { day: today(), dataType: "bills", succeeded: 1, failed: 0 },
    ]);
    await handleCodatWebhook(h.db, offline, writeEvent(company, "op-c", "Success"));

    // A failure delivered again under another webhook id: counted once, Codat not asked again.
    const failure = writeEvent(company, "op-d", "Failed", { dataType: "journalEntries" });
    await handleCodatWebhook(h.db, offline, failure);
    await handleCodatWebhook(h.db, offline, { ...failure, id: `msg_${randomUUID()}` });

    expect(await listWriteDays(h.db, company.id, today())).toEqual([
      { day: today(), dataType: "billPayments", succeeded: 1, failed: 0 },
      { day: today(), dataType: "bills", succeeded: 2, failed: 0 },
      { day: today(), dataType: "journalEntries", succeeded: 0, failed: 1 },
    ]);
    const rows = await h.db.select().from(pushWrites).where(eq(pushWrites.companyId, company.id));
    expect(rows.map((r) => [r.pushOperationKey, r.outcome]).sort()).toEqual([
      ["op-a", "succeeded"],
      ["op-b", "succeeded"],
      ["op-c", "succeeded"],
      ["op-d", "failed"],
    ]);
    expect((await getCompany(h.db, company.id))?.pushHealthState).toBe("at_risk");
    // The integrator's writes are counted, not put on the timeline one by one.
    expect((await listCompanyEvents(h.db, company.id)).filter((e) => e.type === "webhook.received")).toHaveLength(0);
  });

  it("health follows Codat's completion times, not the order webhooks arrive in", async () => {
    const company = await liveCompany("Out Of Order Ltd");
    const t = (s: number) => new Date(Date.now() - 60_000 + s * 1000);
    // Three failures then two successes, delivered newest first.
    for (const [key, status, s] of [["s2", "Success", 5], ["s1", "Success", 4], ["f3", "Failed", 3], ["f2", "Failed", 2], ["f1", "Failed", 1]] as const) {
      await handleCodatWebhook(h.db, offline, writeEvent(company, key, status, { completed: t(s) }));
    }
    expect((await getCompany(h.db, company.id))?.pushHealthState).toBe("healthy");
    expect(await listWriteDays(h.db, company.id, today())).toEqual([{ day: today(), dataType: "bills", succeeded: 2, failed: 3 }]);
  });

  it("keeps the last 50 failures with their diagnosis and evidence, and counts them all", async () => {
    const company = await liveCompany("Many Failures Ltd");
    const total = RECENT_WRITES_KEPT + 5;
    for (let i = 0; i < total; i++) {
      await recordWrite(h.db, offline, company, writeEvent(company, `fail-${i}`, "Failed", { completed: new Date(Date.now() - (total - i) * 1000) }));
    }
    const failures = await listFailedWrites(h.db, company.id, 100);
    expect(failures).toHaveLength(RECENT_WRITES_KEPT);
    expect(failures[0]?.pushOperationKey).toBe(`fail-${total - 1}`);
    expect(failures.some((f) => f.pushOperationKey === "fail-0")).toBe(false);
    for (const f of failures) {
      expect(f.diagnosisCode).toBeTruthy();
      expect(f.evidence).not.toBeNull();
      expect(Array.isArray(f.candidates)).toBe(true);
    }
    // Codat was asked once (the throttle refused the rest within the second); the rest say why not.
    expect(failures.filter((f) => f.evidence?.note?.startsWith("Not read from Codat"))).not.toHaveLength(0);
    expect(await listWriteDays(h.db, company.id, today())).toEqual([{ day: today(), dataType: "bills", succeeded: 0, failed: total }]);
    expect((await getCompany(h.db, company.id))?.pushHealthState).toBe("failing");
  });

  it("records a write, its count, its health and its alert all or nothing; Codat's retry then applies it once", async () => {
    const company = await liveCompany("Half Done Ltd");
    await handleCodatWebhook(h.db, offline, writeEvent(company, "h1", "Failed"));
    await handleCodatWebhook(h.db, offline, writeEvent(company, "h2", "Failed"));
    const third = writeEvent(company, "h3", "Failed");
    const err = await withFailingWrite(h.db, { table: alerts, on: "insert" }, () => handleCodatWebhook(h.db, offline, third)).catch((e: unknown) => e);
    expect(isInjectedFailure(err)).toBe(true);
    const keys = (await h.db.select().from(pushWrites).where(eq(pushWrites.companyId, company.id))).map((r) => r.pushOperationKey).sort();
    expect(keys).toEqual(["h1", "h2"]);
    expect(await listWriteDays(h.db, company.id, today())).toEqual([{ day: today(), dataType: "bills", succeeded: 0, failed: 2 }]);
    expect((await getCompany(h.db, company.id))?.pushHealthState).toBe("at_risk");

    expect(await handleCodatWebhook(h.db, offline, third)).toBe("handled");
    expect(await handleCodatWebhook(h.db, offline, third)).toBe("duplicate");
    expect(await listWriteDays(h.db, company.id, today())).toEqual([{ day: today(), dataType: "bills", succeeded: 0, failed: 3 }]);
    expect(await listAlerts(h.db, company.id)).toMatchObject([{ state: "open", healthState: "failing" }]);
  });

  it("a write pending longer than usual puts the company at risk when the pass re-checks it", async () => {
    const company = await liveCompany("Slow Writes Ltd");
    await handleCodatWebhook(h.db, offline, writeEvent(company, "ok-1", "Success"));
    await handleCodatWebhook(h.db, offline, writeEvent(company, "slow-1", "Pending"));
    expect((await getCompany(h.db, company.id))?.pushHealthState).toBe("healthy");
    expect(await recheckPendingWrites(h.db)).toBe(0);
    const later = new Date(Date.now() + 16 * 60_000);
    expect(await recheckPendingWrites(h.db, later)).toBeGreaterThanOrEqual(1);
    expect(await getCompany(h.db, company.id)).toMatchObject({ pushHealthState: "at_risk", pushHealthCause: "push_slow" });
    expect(await recheckPendingWrites(h.db, later)).toBe(0);
  });

  it("many writes of one company recorded at once (two instances under load) all count, none deadlocks", async () => {
    const company = await liveCompany("Busy Writes Ltd");
    // Same day and data type, so every transaction updates the same daily count row and the company.
    const events = Array.from({ length: 24 }, (_, i) => writeEvent(company, `busy-${i}`, "Success"));
    const outcomes = await Promise.all(events.map((e) => handleCodatWebhook(h.db, offline, e)));
    expect(outcomes.every((o) => o === "handled")).toBe(true);
    expect(await listWriteDays(h.db, company.id, today())).toEqual([{ day: today(), dataType: "bills", succeeded: 24, failed: 0 }]);
  });

  it("two evaluations at once open one alert", async () => {
    const company = await liveCompany("Two Instances Ltd");
    for (const key of ["x1", "x2", "x3"]) {
      await upsertPushWrite(h.db, { companyId: company.id, pushOperationKey: key, dataType: "bills", outcome: "failed", codatStatus: "Failed", completedAt: new Date(), diagnosisCode: "unknown_failure" });
    }
    const results = await Promise.all([1, 2, 3].map(() => h.db.transaction((tx) => evaluatePushHealth(tx, company.id))));
    expect(results.filter((r) => r?.alert === "opened")).toHaveLength(1);
    expect(await listAlerts(h.db, company.id)).toMatchObject([{ state: "open", healthState: "failing" }]);
    // And the index alone refuses a second open alert.
    expect(await openAlert(h.db, { companyId: company.id, healthState: "failing", cause: null, openedAt: new Date() })).toBeNull();
    expect((await listCompanyEvents(h.db, company.id)).filter((e) => e.type === "alert.opened")).toHaveLength(1);
  });
});

describe("write event shape", () => {
  it("is what the parser returns for any data type", () => {
    const event = writeEvent({ codatCompanyId: "c", codatConnectionId: "x" } as CompanyRow, "k", "Failed", { dataType: "journalEntries" });
    expect(event.type).toBe("journalEntries.write.unsuccessful");
  });
});
