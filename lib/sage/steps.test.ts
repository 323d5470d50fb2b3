import { describe, expect, it } from "vitest";
import { ALL_DONE, NEW_FLOW_CASES, NOTHING_DONE, UPGRADE_FLOW_CASES, UPGRADE_START } from "./steps.fixtures";
import { canOpenStep, currentStep, findStep, isSetupComplete, stepStates, stepsForFlow, WIZARD_STEPS } from "./steps";

describe("WIZARD_STEPS", () => {
  it("lists the steps in order, with unique keys and kebab-case paths", () => {
    expect(WIZARD_STEPS.map((s) => s.key)).toEqual(["before-start", "push-user", "connector", "credentials", "test-push", "enable-push"]);
    for (const step of WIZARD_STEPS) {
      expect(step.path).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(step.title.length).toBeGreaterThan(step.shortTitle.length);
    }
  });

  it.each([
    ["new", ["before-start", "push-user", "connector", "credentials", "test-push", "enable-push"]],
    ["upgrade", ["before-start", "push-user", "credentials", "test-push", "enable-push"]],
  ] as const)("stepsForFlow(%s)", (flow, keys) => {
    expect(stepsForFlow(flow).map((s) => s.key)).toEqual(keys);
  });

  it("finds steps by key", () => {
    expect(findStep("test-push")?.title).toBe("Run a test push");
    expect(findStep("nope")).toBeNull();
  });
});

describe.each([
  ["new flow", NEW_FLOW_CASES],
  ["upgrade flow", UPGRADE_FLOW_CASES],
])("%s", (_flow, cases) => {
  it.each(cases)("$name", ({ facts, states, current }) => {
    const result = stepStates(facts);
    expect(result.map((s) => s.key)).toEqual(stepsForFlow(facts.flow).map((s) => s.key));
    expect(result.map((s) => s.state)).toEqual(states);
    expect(currentStep(facts)).toBe(current);
    for (const { key, state } of result) expect(canOpenStep(facts, key)).toBe(state !== "locked");
  });
});

describe("canOpenStep", () => {
  it("keeps done steps open to go back", () => {
    expect(canOpenStep(ALL_DONE, "before-start")).toBe(true);
    expect(canOpenStep(ALL_DONE, "connector")).toBe(true);
  });

  it("refuses steps ahead of the current one", () => {
    expect(canOpenStep(NOTHING_DONE, "test-push")).toBe(false);
    expect(canOpenStep(NOTHING_DONE, "enable-push")).toBe(false);
  });

  it("refuses the connector step in the upgrade flow", () => {
    expect(canOpenStep(UPGRADE_START, "connector")).toBe(false);
    expect(canOpenStep({ ...ALL_DONE, flow: "upgrade" }, "connector")).toBe(false);
  });
});

describe("isSetupComplete", () => {
  it.each([
    [ALL_DONE, true],
    [{ ...ALL_DONE, flow: "upgrade" as const }, true],
    [{ ...ALL_DONE, pushEnabled: false }, false],
    [{ ...ALL_DONE, connectionStatus: "Deauthorized" as const }, false],
    [NOTHING_DONE, false],
  ])("%#", (facts, complete) => {
    expect(isSetupComplete(facts)).toBe(complete);
  });
});
