import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openSimHarness, validSupplier, type SimHarness } from "../testing/sim-harness";
import { UNFAMILIAR_CONNECTOR_MESSAGES } from "./unfamiliar-messages";

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

describe("concurrentLogin: pending", () => {
  it("leaves a push Pending while the connector's login is open, then times it out at its deadline; nothing is written", async () => {
    await sim.control("PUT", "/config", { variants: { concurrentLogin: "pending" } });
    const { companyId, connectionId, pushUser, password } = await sim.linkedCompany();
    await sim.must(companyId, { type: "openSage", username: pushUser, password });
    const requestedAt = sim.now().getTime();
    const created = await sim.pushSupplier(companyId, connectionId, validSupplier(), 5);
    sim.advance(4 * 1000);
    expect((await sim.getPush(companyId, created.body.pushOperationKey)).body.status).toBe("Pending");
    // Read long after the deadline: timed out at the deadline (5 simulated minutes), not when noticed.
    sim.advance(60 * 1000);
    const op = await sim.getPush(companyId, created.body.pushOperationKey);
    expect(op.body).toMatchObject({ status: "TimedOut", statusCode: 504 });
    expect(op.body.errorMessage ?? null).toBeNull();
    expect(op.body.completedOnUtc).toBe(new Date(requestedAt + 5 * 1000).toISOString());
    expect((await sim.pcState(companyId)).sage.suppliers).toEqual([]);
  });

  it("writes the push once Sage 50 is closed before the deadline", async () => {
    await sim.control("PUT", "/config", { variants: { concurrentLogin: "pending" } });
    const { companyId, connectionId, pushUser, password } = await sim.linkedCompany();
    await sim.must(companyId, { type: "openSage", username: pushUser, password });
    const created = await sim.pushSupplier(companyId, connectionId, validSupplier(), 5);
    sim.advance(1000);
    expect((await sim.getPush(companyId, created.body.pushOperationKey)).body.status).toBe("Pending");
    await sim.must(companyId, { type: "closeSage", username: pushUser });
    sim.advance(10);
    expect((await sim.getPush(companyId, created.body.pushOperationKey)).body.status).toBe("Success");
  });
});

describe("connectorMessages: unfamiliar", () => {
  it("fails a login clash with the unfamiliar wording", async () => {
    await sim.control("PUT", "/config", { variants: { connectorMessages: "unfamiliar" } });
    const { companyId, connectionId, pushUser, password } = await sim.linkedCompany();
    await sim.must(companyId, { type: "openSage", username: pushUser, password });
    const created = await sim.pushSupplier(companyId, connectionId, validSupplier());
    sim.advance(10);
    const op = await sim.getPush(companyId, created.body.pushOperationKey);
    expect(op.body).toMatchObject({ status: "Failed", statusCode: 500, errorMessage: UNFAMILIAR_CONNECTOR_MESSAGES.loginInUse(pushUser) });
  });
});
