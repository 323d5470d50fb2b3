import { describe, expect, it } from "vitest";
import { ENABLE_PUSH_CASES, READY } from "./readiness.fixtures";
import { checkEnablePush, enablePushBlockers, pushReadiness } from "./readiness";

describe("checkEnablePush", () => {
  it.each(ENABLE_PUSH_CASES)("%s", (_name, input, blockers) => {
    expect(enablePushBlockers(input).map((b) => b.code)).toEqual(blockers);
    const check = checkEnablePush(input);
    if (blockers[0] === undefined) {
      expect(check).toEqual({ ok: true });
    } else {
      expect(check).toMatchObject({ ok: false, code: blockers[0] });
      if (!check.ok) expect(check.reason.length).toBeGreaterThan(20);
    }
  });

  it("names the currencies in the Foreign Trader reason", () => {
    const check = checkEnablePush({ ...READY, pushCurrencies: ["usd", "EUR"] });
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.reason).toContain("USD, EUR");
    if (!check.ok) expect(check.reason).toContain("GBP");
  });
});

describe("the failed test push's cause in the readiness reason", () => {
  it.each<[string, NonNullable<Parameters<typeof pushReadiness>[0]["latestTestPush"]>, RegExp]>([
    ["a recognised cause, as the most likely one", { status: "failed", connectionId: "conn-2", diagnosisCode: "concurrent_login" }, /Most likely cause: Sage 50 login already in use/],
    ["no cause recognised: the login clash first", { status: "failed", connectionId: "conn-2", diagnosisCode: "unknown_failure" }, /matched no known cause.*Sage 50 open with the connector's login/],
    ["no stored cause", { status: "failed", connectionId: "conn-2" }, /^The latest test push did not succeed\. Run/],
  ])("%s", (_name, latestTestPush, words) => {
    const check = checkEnablePush({ ...READY, latestTestPush });
    expect(check.ok ? "" : check.reason).toMatch(words);
  });
});

describe("pushReadiness", () => {
  it.each<[string, Parameters<typeof pushReadiness>[0], { enabled: boolean; ready: boolean; codes: string[] }]>([
    ["enabled and ready", { ...READY, pushEnabled: true }, { enabled: true, ready: true, codes: [] }],
    ["ready but not enabled", { ...READY, pushEnabled: false }, { enabled: false, ready: false, codes: ["push_not_enabled"] }],
    [
      "enabled, connector uninstalled since",
      { ...READY, connectionStatus: "Deauthorized", pushEnabled: true },
      { enabled: true, ready: false, codes: ["connection_not_linked"] },
    ],
    [
      "enabled, relinked on a new connection without a test push",
      { ...READY, currentConnectionId: "conn-3", pushEnabled: true },
      { enabled: true, ready: false, codes: ["test_push_required"] },
    ],
    [
      "nothing done",
      { ...READY, connectionStatus: "PendingAuth", latestTestPush: null, pushEnabled: false },
      { enabled: false, ready: false, codes: ["connection_not_linked", "test_push_required", "push_not_enabled"] },
    ],
  ])("%s", (_name, input, expected) => {
    const result = pushReadiness(input);
    expect({ enabled: result.enabled, ready: result.ready, codes: result.reasons.map((r) => r.code) }).toEqual(expected);
    for (const reason of result.reasons) expect(reason.message.length).toBeGreaterThan(0);
  });
});
