import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ASSUMED_CONNECTOR_MESSAGES } from "@/lib/sage/assumed-connector-behaviour";
import { openSimHarness, validSupplier, type SimHarness } from "../testing/sim-harness";
import type { PcActionInput } from "../pc/pc-actions";

// One database for the file: every test works on its own company.
let sim: SimHarness;
beforeAll(async () => {
  sim = await openSimHarness();
});
beforeEach(async () => {
  await sim.resetConfig();
});
afterAll(async () => {
  await sim.close();
});

type Case = {
  name: string;
  pushUserType?: "Administrator" | "Standard";
  /** Done on the PC after linking, before the push. */
  before?: (companyId: string, pushUser: string, password: string) => PcActionInput[];
  supplier?: unknown;
  /** Done after the push, before the operation is read (the operation waits meanwhile). */
  after?: PcActionInput[];
  /** Simulated time that passes before the operation is read. */
  waitMs?: number;
  expected: { status: string; statusCode: number; errorMessage?: string; validationItems?: string[] };
};

const cases: Case[] = [
  { name: "success", expected: { status: "Success", statusCode: 200 } },
  {
    name: "login in use: the connector's user has Sage 50 open",
    before: (_c, user, password) => [{ type: "openSage", username: user, password }],
    expected: { status: "Failed", statusCode: 500, errorMessage: ASSUMED_CONNECTOR_MESSAGES.loginInUse("Acme Push") },
  },
  {
    name: "another user having Sage 50 open does not matter",
    before: () => [{ type: "openSage", username: "MANAGER", password: "" }],
    expected: { status: "Success", statusCode: 200 },
  },
  {
    name: "push user is a Standard user",
    pushUserType: "Standard",
    expected: { status: "Failed", statusCode: 500, errorMessage: ASSUMED_CONNECTOR_MESSAGES.accessDenied("Acme Push") },
  },
  {
    name: "Sage 50 version 21",
    before: () => [{ type: "setSageVersion", version: 21 }],
    expected: { status: "Failed", statusCode: 400, errorMessage: ASSUMED_CONNECTOR_MESSAGES.versionUnsupported() },
  },
  {
    name: "version 22 is enough",
    before: () => [{ type: "setSageVersion", version: 22 }],
    expected: { status: "Success", statusCode: 200 },
  },
  {
    name: "invalid supplier",
    supplier: { id: "HAS SPACES TOO LONG", supplierName: "x".repeat(61) },
    expected: { status: "Failed", statusCode: 400, validationItems: ["id.maxLength", "id.noSpaces", "supplierName.maxLength"] },
  },
  {
    name: "PC off: pending, then TimedOut after timeoutInMinutes",
    before: () => [{ type: "powerOff" }],
    waitMs: 5 * 1000,
    expected: { status: "TimedOut", statusCode: 504 },
  },
  {
    name: "connector stopped: TimedOut",
    before: () => [{ type: "stopConnector" }],
    waitMs: 5 * 1000,
    expected: { status: "TimedOut", statusCode: 504 },
  },
  {
    name: "connector stopped, then started again before the timeout: processed",
    before: () => [{ type: "stopConnector" }],
    after: [{ type: "startConnector" }],
    expected: { status: "Success", statusCode: 200 },
  },
  {
    name: "PC off, then on again before the timeout: processed",
    before: () => [{ type: "powerOff" }],
    after: [{ type: "powerOn" }],
    expected: { status: "Success", statusCode: 200 },
  },
];

describe("push outcomes", () => {
  it.each(cases)("$name", async (c) => {
    const { companyId, connectionId, pushUser, password } = await sim.linkedCompany({ pushUserType: c.pushUserType });
    for (const action of c.before?.(companyId, pushUser, password) ?? []) await sim.must(companyId, action);

    const created = await sim.pushSupplier(companyId, connectionId, c.supplier ?? validSupplier());
    expect(created.status).toBe(200);
    expect(created.body.status).toBe("Pending");

    if (c.after) {
      sim.advance(1000);
      expect((await sim.getPush(companyId, created.body.pushOperationKey)).body.status).toBe("Pending");
      for (const action of c.after) await sim.must(companyId, action);
    }
    sim.advance(c.waitMs ?? 10);
    const op = await sim.getPush(companyId, created.body.pushOperationKey);
    expect(op.status).toBe(200);
    expect(op.body.status).toBe(c.expected.status);
    expect(op.body.statusCode).toBe(c.expected.statusCode);
    if (c.expected.errorMessage) expect(op.body.errorMessage).toBe(c.expected.errorMessage);
    expect(op.body.completedOnUtc).toBeDefined();
    if (c.expected.validationItems) {
      const items = op.body.validation?.errors ?? [];
      expect(items.length).toBe(c.expected.validationItems.length);
    }
    if (c.expected.status === "Success") {
      expect(op.body.changes).toEqual([{ type: "Created", recordRef: { id: "TST001", dataType: "suppliers" } }]);
    }
  });

  it("stays Pending while the PC is off and the timeout has not passed", async () => {
    const { companyId, connectionId } = await sim.linkedCompany();
    await sim.must(companyId, { type: "powerOff" });
    const created = await sim.pushSupplier(companyId, connectionId, validSupplier(), 5);
    sim.advance(4 * 1000);
    expect((await sim.getPush(companyId, created.body.pushOperationKey)).body.status).toBe("Pending");
    sim.advance(1000);
    const op = await sim.getPush(companyId, created.body.pushOperationKey);
    expect(op.body.status).toBe("TimedOut");
    // Timed out at its deadline: requested + 5 simulated minutes.
    expect(op.body.completedOnUtc).toBe(new Date(sim.now().getTime()).toISOString());
  });

  it("PC switched on only after the deadline: TimedOut, not processed", async () => {
    const { companyId, connectionId } = await sim.linkedCompany();
    await sim.must(companyId, { type: "powerOff" });
    const created = await sim.pushSupplier(companyId, connectionId, validSupplier(), 1);
    sim.advance(2000);
    await sim.must(companyId, { type: "powerOn" });
    expect((await sim.getPush(companyId, created.body.pushOperationKey)).body.status).toBe("TimedOut");
    expect((await sim.pcState(companyId)).sage.suppliers).toEqual([]);
  });

  it("waits for the processing delay", async () => {
    await sim.setConfig({ processingDelayMs: 3000 });
    const { companyId, connectionId } = await sim.linkedCompany();
    const created = await sim.pushSupplier(companyId, connectionId, validSupplier());
    sim.advance(2999);
    expect((await sim.getPush(companyId, created.body.pushOperationKey)).body.status).toBe("Pending");
    sim.advance(1);
    expect((await sim.getPush(companyId, created.body.pushOperationKey)).body.status).toBe("Success");
  });

  it("a duplicate id fails with a validation error; the first supplier stays", async () => {
    const { companyId, connectionId } = await sim.linkedCompany();
    const first = await sim.pushSupplier(companyId, connectionId, validSupplier("DUP1"));
    sim.advance(1);
    const second = await sim.pushSupplier(companyId, connectionId, validSupplier("DUP1"));
    sim.advance(10);
    expect((await sim.getPush(companyId, first.body.pushOperationKey)).body.status).toBe("Success");
    const op = await sim.getPush(companyId, second.body.pushOperationKey);
    expect(op.body).toMatchObject({ status: "Failed", statusCode: 400 });
    expect(op.body.validation?.errors?.[0]).toMatchObject({ itemId: "DUP1" });
    expect((await sim.pcState(companyId)).sage.suppliers.map((s) => s.id)).toEqual(["DUP1"]);
  });

  it("once Sage 50 is closed, the same login pushes again", async () => {
    const { companyId, connectionId, pushUser, password } = await sim.linkedCompany();
    await sim.must(companyId, { type: "openSage", username: pushUser, password });
    const failed = await sim.pushSupplier(companyId, connectionId, validSupplier("A1"));
    sim.advance(10);
    expect((await sim.getPush(companyId, failed.body.pushOperationKey)).body.status).toBe("Failed");
    await sim.must(companyId, { type: "closeSage", username: pushUser });
    const ok = await sim.pushSupplier(companyId, connectionId, validSupplier("A2"));
    sim.advance(10);
    expect((await sim.getPush(companyId, ok.body.pushOperationKey)).body.status).toBe("Success");
  });

  it("a supplier written while Sage 50 is open shows only after the Suppliers view is refreshed", async () => {
    const { companyId, connectionId } = await sim.linkedCompany();
    await sim.must(companyId, { type: "openSage", username: "MANAGER", password: "" });
    const created = await sim.pushSupplier(companyId, connectionId, validSupplier("VIS1"));
    sim.advance(10);
    expect((await sim.getPush(companyId, created.body.pushOperationKey)).body.status).toBe("Success");
    expect((await sim.pcState(companyId)).sage.suppliers).toMatchObject([{ id: "VIS1", visibleInOpenSage: false }]);
    await sim.must(companyId, { type: "refreshSuppliers" });
    expect((await sim.pcState(companyId)).sage.suppliers).toMatchObject([{ id: "VIS1", visibleInOpenSage: true }]);
  });

  it("updates the connection's lastSync on success", async () => {
    const { companyId, connectionId } = await sim.linkedCompany();
    sim.advance(60_000);
    const created = await sim.pushSupplier(companyId, connectionId, validSupplier());
    sim.advance(10);
    await sim.getPush(companyId, created.body.pushOperationKey);
    const connection = await sim.codat<{ lastSync: string }>("GET", `/companies/${companyId}/connections/${connectionId}`);
    expect(connection.body.lastSync).toBe(sim.now().toISOString());
  });

  it("refuses writes to a connection that is not Linked", async () => {
    const { companyId, connectionId } = await sim.createCompanyWithConnection();
    const res = await sim.pushSupplier(companyId, connectionId, validSupplier());
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, canBeRetried: "False" });
  });
});
