import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { validateSchema } from "@/lib/codat/openapi-validator";
import { FORCEABLE_STATUSES } from "../config";
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

describe("failNext: forced request errors", () => {
  it.each(FORCEABLE_STATUSES)("answers the next calls with %s in Codat's ErrorMessage shape, then recovers", async (status) => {
    const set = await sim.control("PUT", "/config", { failNext: { status, count: 2 } });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ failNext: { status, count: 2 } });

    for (let i = 0; i < 2; i++) {
      const res = await sim.codat("GET", "/companies");
      expect(res.status).toBe(status);
      expect(res.body).toMatchObject({ statusCode: status });
      expect(validateSchema("platform", "ErrorMessage", res.body)).toEqual([]);
    }
    expect((await sim.codat("GET", "/companies")).status).toBe(200);
    expect((await sim.control("GET", "/config")).body).toMatchObject({ failNext: null });
  });

  it("lists validation errors on a forced 400, and asks for a wait on a forced 429", async () => {
    await sim.control("PUT", "/config", { failNext: { status: 400, count: 1 } });
    const bad = await sim.codat<{ validation: { errors: unknown[] }; canBeRetried: string }>("GET", "/companies");
    expect(bad.body.validation.errors.length).toBeGreaterThan(0);
    expect(bad.body.canBeRetried).toBe("False");
    await sim.control("PUT", "/config", { failNext: { status: 429, count: 1 } });
    expect((await sim.codat("GET", "/companies")).headers.get("retry-after")).toBe("1");
  });

  it("refuses statuses it cannot force, and clears with null", async () => {
    expect((await sim.control("PUT", "/config", { failNext: { status: 418, count: 1 } })).status).toBe(422);
    expect((await sim.control("PUT", "/config", { failNext: { status: 500, count: 0 } })).status).toBe(422);
    await sim.control("PUT", "/config", { failNext: { status: 500, count: 5 } });
    await sim.control("PUT", "/config", { failNext: null });
    expect((await sim.codat("GET", "/companies")).status).toBe(200);
  });
});
