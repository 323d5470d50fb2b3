import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DIAGNOSIS_CODES, type DiagnosisCode } from "./diagnosis-codes";
import { isAlertingState, pushHealth, PUSH_HEALTH_RULES, PUSH_HEALTH_STATES, repairStepFor, type PushHealthInput, type PushWriteFact } from "./push-health";
import { CONNECTION_STATUSES } from "./types";

const NOW = new Date("2026-03-02T12:00:00Z");
const at = (minutesAgo: number) => new Date(NOW.getTime() - minutesAgo * 60_000);
/** Writes from a pattern, newest first: "F" failed (unknown_failure), "C" failed (login clash), "S" succeeded. */
function writes(pattern: string): PushWriteFact[] {
  return [...pattern].map((c, i) => ({
    succeeded: c === "S",
    at: at(i + 1),
    cause: c === "S" ? null : c === "C" ? "concurrent_login" : "unknown_failure",
  }));
}
const input = (over: Partial<PushHealthInput>): PushHealthInput => ({
  connectionStatus: "Linked",
  pushEnabled: true,
  writes: [],
  oldestPendingAt: null,
  now: NOW,
  ...over,
});

describe("pushHealth", () => {
  it.each<[string, Partial<PushHealthInput>, string, DiagnosisCode | null]>([
    ["no writes yet", {}, "unknown", null],
    ["all succeeded", { writes: writes("SSSS") }, "healthy", null],
    ["one success", { writes: writes("S") }, "healthy", null],
    ["latest failed once, unknown cause", { writes: writes("FSS") }, "at_risk", "unknown_failure"],
    ["two in a row failed", { writes: writes("FFS") }, "at_risk", "unknown_failure"],
    ["three in a row failed", { writes: writes("FFFS") }, "failing", "unknown_failure"],
    ["one login clash", { writes: writes("CSSS") }, "failing", "concurrent_login"],
    ["one success after failing", { writes: writes("SFFF") }, "at_risk", "unknown_failure"],
    ["two successes after failing", { writes: writes("SSFFF") }, "healthy", null],
    ["two successes after a clash", { writes: writes("SSC") }, "healthy", null],
    ["pending too long", { writes: writes("SS"), oldestPendingAt: at(16) }, "at_risk", "push_slow"],
    ["pending, not long", { writes: writes("SS"), oldestPendingAt: at(5) }, "healthy", null],
    ["only a pending write", { oldestPendingAt: at(1) }, "healthy", null],
    ["Unlinked with successes", { connectionStatus: "Unlinked", writes: writes("SSS") }, "disconnected", "connection_unlinked"],
    ["Deauthorized", { connectionStatus: "Deauthorized" }, "disconnected", "connector_uninstalled"],
    ["still in setup, not linked, no writes", { connectionStatus: "PendingAuth", pushEnabled: false }, "unknown", null],
    ["push on, never linked", { connectionStatus: null }, "disconnected", "connector_not_linked"],
    ["a test push passed after a clash", { writes: writes("CFF"), lastTestPushPassedAt: at(0.5) }, "healthy", null],
    ["a test push passed, then a write failed", { writes: writes("FC"), lastTestPushPassedAt: at(1.5) }, "at_risk", "unknown_failure"],
    ["a test push passed before the failures", { writes: writes("FFF"), lastTestPushPassedAt: at(10) }, "failing", "unknown_failure"],
    ["a test push passed, no write yet", { lastTestPushPassedAt: at(1) }, "unknown", null],
  ])("%s → %s", (_name, over, state, cause) => {
    const health = pushHealth(input(over));
    expect(health.state).toBe(state);
    expect(health.cause).toBe(cause);
    expect(health.reason.length).toBeGreaterThan(0);
  });

  it("dates failing from the first failure of the run", () => {
    expect(pushHealth(input({ writes: writes("FFFS") })).since).toEqual(at(3));
  });

  const writeArb = fc.record({
    succeeded: fc.boolean(),
    at: fc.integer({ min: 0, max: 10_000 }).map(at),
    cause: fc.constantFrom(...DIAGNOSIS_CODES),
  });
  const writesArb = fc.array(writeArb, { maxLength: PUSH_HEALTH_RULES.window });

  it("all successes → healthy (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 20 }), (ages) => {
        const all = ages.map((a) => ({ succeeded: true, at: at(a), cause: null }));
        expect(pushHealth(input({ writes: all })).state).toBe("healthy");
      }),
    );
  });

  it("the last 3 failed → failing, whatever came before (property)", () => {
    fc.assert(
      fc.property(writesArb, fc.array(fc.constantFrom(...DIAGNOSIS_CODES), { minLength: 3, maxLength: 3 }), (older, causes) => {
        const failed = causes.map((cause, i) => ({ succeeded: false, at: at(i), cause }));
        expect(pushHealth(input({ writes: [...failed, ...older].slice(0, PUSH_HEALTH_RULES.window) })).state).toBe("failing");
      }),
    );
  });

  it("not Linked after setup → disconnected regardless of writes (property)", () => {
    fc.assert(
      fc.property(writesArb, fc.constantFrom(null, ...CONNECTION_STATUSES.filter((s) => s !== "Linked")), (list, status) => {
        expect(pushHealth(input({ writes: list, connectionStatus: status })).state).toBe("disconnected");
      }),
    );
  });

  it("always one of the states, with a cause whenever it alerts (property)", () => {
    fc.assert(
      fc.property(writesArb, fc.constantFrom(null, ...CONNECTION_STATUSES), fc.boolean(), (list, status, pushEnabled) => {
        const health = pushHealth(input({ writes: list, connectionStatus: status, pushEnabled }));
        expect(PUSH_HEALTH_STATES).toContain(health.state);
        if (isAlertingState(health.state)) expect(health.cause).not.toBeNull();
        if (health.state === "healthy" || health.state === "unknown") expect(health.cause).toBeNull();
      }),
    );
  });
});

describe("repairStepFor", () => {
  it.each<[DiagnosisCode | null, string, string]>([
    ["concurrent_login", "new", "credentials"],
    ["connector_login_rejected", "upgrade", "credentials"],
    ["insufficient_rights", "new", "credentials"],
    ["connector_uninstalled", "new", "connector"],
    ["connector_paused", "new", "connector"],
    ["connector_offline", "new", "connector"],
    ["connector_uninstalled", "upgrade", "credentials"],
    ["invalid_test_record", "new", "test-push"],
    ["unknown_failure", "new", "test-push"],
    [null, "new", "test-push"],
  ])("%s (%s flow) → %s", (cause, flow, step) => {
    expect(repairStepFor(cause, flow as "new" | "upgrade")).toBe(step);
  });
});
