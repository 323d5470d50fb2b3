import { describe, expect, it } from "vitest";
import { ASSUMED_CONNECTOR_MESSAGES } from "@/lib/sage/assumed-connector-behaviour";
import { decidePushOutcome, decidePushTiming, type PushOutcomeInput, type PushTimingInput } from "./push-rules";
import { DEFAULT_SIM_VARIANTS } from "../config";
import { UNFAMILIAR_CONNECTOR_MESSAGES } from "./unfamiliar-messages";

const t0 = new Date("2025-06-02T09:00:00Z");
const at = (ms: number) => new Date(t0.getTime() + ms);

describe("decidePushTiming", () => {
  const base: PushTimingInput = {
    requestedOn: t0,
    timeoutInMinutes: 2,
    minuteMs: 1000,
    processingDelayMs: 100,
    availableSince: at(-10_000),
    connectionLinked: true,
    now: at(100),
  };
  const cases: [string, Partial<PushTimingInput>, string][] = [
    ["available and the delay passed", {}, "process"],
    ["delay not passed yet", { now: at(99) }, "wait"],
    ["unavailable, before the deadline", { availableSince: null, now: at(1999) }, "wait"],
    ["unavailable at the deadline", { availableSince: null, now: at(2000) }, "time_out"],
    ["available again before the deadline, looked at late", { availableSince: at(1500), now: at(9000) }, "process"],
    ["available again only after the deadline", { availableSince: at(2500), now: at(3000) }, "time_out"],
    ["connection not linked", { connectionLinked: false, now: at(500) }, "wait"],
    ["no timeout: waits for ever", { availableSince: null, timeoutInMinutes: null, now: at(10_000_000) }, "wait"],
  ];
  it.each(cases)("%s", (_name, patch, kind) => {
    expect(decidePushTiming({ ...base, ...patch }).kind).toBe(kind);
  });

  it("times out at the deadline, not when it was noticed", () => {
    expect(decidePushTiming({ ...base, availableSince: null, now: at(60_000) })).toEqual({ kind: "time_out", at: at(2000) });
  });
});

describe("decidePushOutcome", () => {
  const supplier = { id: "ABC1", supplierName: "Test", status: "Active" };
  const base: PushOutcomeInput = {
    sageVersion: 31,
    supplier,
    existingSupplierIds: [],
    connectorUser: { name: "Acme Push", key: "ACME PUSH", userType: "Administrator" },
    savedUsername: "Acme Push",
    loggedInKeys: new Set(),
    variants: DEFAULT_SIM_VARIANTS,
  };
  const cases: [string, Partial<PushOutcomeInput>, string, string | undefined][] = [
    ["all good", {}, "Success", undefined],
    ["version 21", { sageVersion: 21 }, "Failed", ASSUMED_CONNECTOR_MESSAGES.versionUnsupported()],
    ["login in use", { loggedInKeys: new Set(["ACME PUSH"]) }, "Failed", ASSUMED_CONNECTOR_MESSAGES.loginInUse("Acme Push")],
    [
      "standard user",
      { connectorUser: { name: "Acme Push", key: "ACME PUSH", userType: "Standard" } },
      "Failed",
      ASSUMED_CONNECTOR_MESSAGES.accessDenied("Acme Push"),
    ],
    ["user gone", { connectorUser: null }, "Failed", ASSUMED_CONNECTOR_MESSAGES.accessDenied("Acme Push")],
    // Order: the version is checked before everything else, the record before the login.
    ["version beats a bad record", { sageVersion: 20, supplier: {} }, "Failed", ASSUMED_CONNECTOR_MESSAGES.versionUnsupported()],
    ["a bad record beats login in use", { supplier: {}, loggedInKeys: new Set(["ACME PUSH"]) }, "Failed", undefined],
    ["login in use beats rights", { connectorUser: { name: "Acme Push", key: "ACME PUSH", userType: "Standard" }, loggedInKeys: new Set(["ACME PUSH"]) }, "Failed", ASSUMED_CONNECTOR_MESSAGES.loginInUse("Acme Push")],
  ];
  it.each(cases)("%s", (_name, patch, status, message) => {
    const outcome = decidePushOutcome({ ...base, ...patch });
    expect(outcome.status).toBe(status);
    if (message !== undefined && outcome.status === "Failed") expect(outcome.errorMessage).toBe(message);
  });

  it("under concurrentLogin: pending, a login clash leaves the operation Pending; other failures still fail", () => {
    const pending = { ...base, variants: { ...DEFAULT_SIM_VARIANTS, concurrentLogin: "pending" as const } };
    expect(decidePushOutcome({ ...pending, loggedInKeys: new Set(["ACME PUSH"]) })).toEqual({ status: "Pending" });
    expect(decidePushOutcome({ ...pending, connectorUser: null }).status).toBe("Failed");
    expect(decidePushOutcome(pending).status).toBe("Success");
  });

  it("under connectorMessages: unfamiliar, the connector's messages are the unfamiliar wordings", () => {
    const unfamiliar = { ...base, variants: { ...DEFAULT_SIM_VARIANTS, connectorMessages: "unfamiliar" as const } };
    expect(decidePushOutcome({ ...unfamiliar, loggedInKeys: new Set(["ACME PUSH"]) })).toMatchObject({
      status: "Failed",
      errorMessage: UNFAMILIAR_CONNECTOR_MESSAGES.loginInUse("Acme Push"),
    });
    expect(decidePushOutcome({ ...unfamiliar, sageVersion: 21 })).toMatchObject({ errorMessage: UNFAMILIAR_CONNECTOR_MESSAGES.versionUnsupported() });
    expect(decidePushOutcome({ ...unfamiliar, connectorUser: null })).toMatchObject({ errorMessage: UNFAMILIAR_CONNECTOR_MESSAGES.accessDenied("Acme Push") });
  });

  it("reports a duplicate id as a validation error", () => {
    const outcome = decidePushOutcome({ ...base, existingSupplierIds: ["abc1"] });
    expect(outcome).toMatchObject({ status: "Failed", statusCode: 400 });
    if (outcome.status === "Failed") expect(outcome.validation.errors[0]).toMatchObject({ itemId: "ABC1" });
  });

  it("passes validation items in the push operation's shape (no extra keys)", () => {
    const outcome = decidePushOutcome({ ...base, supplier: { id: "abc", supplierName: "x" } });
    if (outcome.status !== "Failed") throw new Error("expected a failure");
    for (const item of outcome.validation.errors) expect(Object.keys(item).sort()).toEqual(["itemId", "message", "validatorName"]);
  });
});
