import { describe, expect, it } from "vitest";
import { apiSetupStatus } from "./api-setup-status";

describe("a setup's state for the integrator's backend", () => {
  it("is push_enabled once push is on, whatever else is said", () => {
    expect(apiSetupStatus({ enabled: true, ready: false, reasons: [{ code: "connection_not_linked", message: "x" }] })).toBe("push_enabled");
  });
  it("is ready_to_enable when the only thing missing is turning push on", () => {
    expect(apiSetupStatus({ enabled: false, ready: false, reasons: [{ code: "push_not_enabled", message: "x" }] })).toBe("ready_to_enable");
  });
  it("is in_progress while a step blocks push", () => {
    const reasons = [{ code: "test_push_required" as const, message: "x" }, { code: "push_not_enabled" as const, message: "y" }];
    expect(apiSetupStatus({ enabled: false, ready: false, reasons })).toBe("in_progress");
  });
});
