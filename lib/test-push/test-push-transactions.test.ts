import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "@/lib/db/testing/test-databases";
import { isInjectedFailure, withFailingWrite } from "@/lib/db/testing/fail-writes";
import type { DbHandle } from "@/lib/db/client";
import type { PushOperation } from "@/lib/codat/types";
import type { StaffActor } from "@/lib/auth/actor";
import { openAppStack, type AppStack } from "@/lib/testing/app-stack";
import { getLatestTestPush, updateRunningTestPush } from "@/lib/db/queries/test-pushes";
import { listCompanyEvents } from "@/lib/db/queries/events";
import { events } from "@/lib/db/schema/events";
import { createSetup } from "@/lib/setup/create-setup";
import { refreshConnection } from "@/lib/setup/refresh-connection";
import { seedSetup, seedStaffActor } from "@/lib/support/testing/setup-fixtures";
import { applyPushOperation, expireTestPush } from "./apply-push-operation";
import { startTestPush } from "./start-test-push";

function succeeded(): PushOperation {
  const now = new Date().toISOString();
  return {
    key: "op-tx",
    companyId: "codat-company",
    connectionId: "conn",
    dataType: "suppliers",
    status: "Success",
    statusCode: 200,
    errorMessage: null,
    requestedAt: now,
    completedAt: now,
    timeoutInMinutes: 5,
    validation: { errors: [], warnings: [] },
    changes: [],
  };
}

/** A test push's writes fail at their event: no outcome (or push) may be stored without it. */
describeEachDatabase("test push writes are all or nothing on $name", ({ open }) => {
  let h: DbHandle;
  let stack: AppStack;
  let staff: StaffActor;
  const codatCalls: string[] = [];
  beforeAll(async () => {
    h = await open();
    stack = await openAppStack(h, { config: { webhooksEnabled: false }, onCodatCall: (path) => codatCalls.push(path) });
    staff = await seedStaffActor(h.db, "support");
  });
  afterAll(async () => {
    await stack?.close();
    await h?.close();
  });

  const eventTyped = (type: string) => ({ table: events, on: "insert" as const, when: `new.type = '${type}'` });
  const outcomeEvents = async (companyId: string) =>
    (await listCompanyEvents(h.db, companyId)).filter((e) => e.type !== "test_push.started" && e.type.startsWith("test_push."));

  it("an outcome from Codat is stored only with its event; the next poll applies it", async () => {
    const company = await seedSetup(h.db, { name: "Outcome Fail Ltd", connectionStatus: "Linked", pushes: [{ status: "pending", minutesAgo: 1 }] });
    const held = (await getLatestTestPush(h.db, company.id))!;
    const apply = () => applyPushOperation(h.db, held, succeeded(), "poll");
    await expect(withFailingWrite(h.db, eventTyped("test_push.success"), apply)).rejects.toSatisfy(isInjectedFailure);
    expect((await getLatestTestPush(h.db, company.id))?.status).toBe("pending");
    expect(await outcomeEvents(company.id)).toHaveLength(0);

    expect((await apply()).status).toBe("success");
    expect((await outcomeEvents(company.id)).map((e) => e.type)).toEqual(["test_push.success"]);
  });

  it("a push past its deadline is timed out only with its event", async () => {
    const company = await seedSetup(h.db, { name: "Expiry Fail Ltd", connectionStatus: "Linked", pushes: [{ status: "pending", minutesAgo: 30 }] });
    const held = (await getLatestTestPush(h.db, company.id))!;
    await expect(withFailingWrite(h.db, eventTyped("test_push.error"), () => expireTestPush(h.db, held))).rejects.toSatisfy(isInjectedFailure);
    expect((await getLatestTestPush(h.db, company.id))?.status).toBe("pending");
    expect(await outcomeEvents(company.id)).toHaveLength(0);
  });

  it("a late outcome after our deadline is stored only with its event, and still applied by the next poll", async () => {
    const company = await seedSetup(h.db, { name: "Late Fail Ltd", connectionStatus: "Linked", pushes: [{ status: "pending", minutesAgo: 30 }] });
    const seeded = (await getLatestTestPush(h.db, company.id))!;
    const keyed = (await updateRunningTestPush(h.db, seeded.id, { pushOperationKey: randomUUID() }))!;
    const timedOut = await expireTestPush(h.db, keyed);
    expect(timedOut.status).toBe("timed_out");
    expect(timedOut.followUntil).not.toBeNull();
    const apply = () => applyPushOperation(h.db, timedOut, succeeded(), "webhook");
    await expect(withFailingWrite(h.db, eventTyped("test_push.success"), apply)).rejects.toSatisfy(isInjectedFailure);
    expect(await getLatestTestPush(h.db, company.id)).toMatchObject({ status: "timed_out", followUntil: timedOut.followUntil });

    expect((await apply()).status).toBe("success");
    expect((await apply()).status).toBe("success");
    const late = (await outcomeEvents(company.id)).filter((e) => e.type === "test_push.success");
    expect(late.map((e) => e.data.late)).toEqual([true]);
  });

  it("a push whose start cannot be logged is not started (and Codat is not asked)", async () => {
    const { company } = await createSetup(h.db, stack.codat, { name: "Start Fail Ltd", contactEmail: null, actor: staff, appUrl: stack.url });
    await stack.linkPc(company.codatCompanyId);
    const linked = await refreshConnection(h.db, stack.codat, company, { force: true });
    const start = () => startTestPush(h.db, stack.codat, { company: linked, actor: staff });
    codatCalls.length = 0;
    await expect(withFailingWrite(h.db, eventTyped("test_push.started"), start)).rejects.toSatisfy(isInjectedFailure);
    expect(await getLatestTestPush(h.db, company.id)).toBeNull();
    expect(codatCalls.filter((path) => path.includes("/push/suppliers"))).toEqual([]);

    const started = await start();
    expect(codatCalls.filter((path) => path.includes("/push/suppliers"))).toHaveLength(1);
    expect(started.pushOperationKey).toBeTruthy();
    expect((await listCompanyEvents(h.db, company.id)).filter((e) => e.type === "test_push.started")).toHaveLength(1);
  });
});
