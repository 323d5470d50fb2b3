import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openSimHarness, type SimHarness } from "../testing/sim-harness";

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

describe("PUT /api/sim/config variants", () => {
  it("defaults to failed + documented, and GET returns it", async () => {
    expect((await sim.control("GET", "/config")).body).toMatchObject({ variants: { concurrentLogin: "failed", connectorMessages: "documented" } });
  });

  it("sets either variant, keeps the other, and persists them", async () => {
    const set = await sim.control("PUT", "/config", { variants: { concurrentLogin: "pending" } });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ variants: { concurrentLogin: "pending", connectorMessages: "documented" } });
    await sim.control("PUT", "/config", { variants: { connectorMessages: "unfamiliar" }, latencyMs: 0 });
    expect((await sim.control("GET", "/config")).body).toMatchObject({ variants: { concurrentLogin: "pending", connectorMessages: "unfamiliar" } });
  });

  it.each([{ concurrentLogin: "timed_out" }, { connectorMessages: "silent" }, { other: "x" }, "pending"])("refuses %j", async (variants) => {
    const res = await sim.control("PUT", "/config", { variants });
    expect(res.status).toBe(422);
    expect((await sim.control("GET", "/config")).body).toMatchObject({ variants: { concurrentLogin: "failed", connectorMessages: "documented" } });
  });
});
