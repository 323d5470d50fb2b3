import { describe, expect, it } from "vitest";
import { landingPath } from "./landing-path";

describe("where a setup link lands", () => {
  it("a repair link opens its step; any other link the wizard's current step", () => {
    expect(landingPath({ opensStep: "credentials" })).toBe("/setup/credentials");
    expect(landingPath({ opensStep: "connector" })).toBe("/setup/connector");
    expect(landingPath({ opensStep: null })).toBe("/setup");
    expect(landingPath({ opensStep: "no-such-step" })).toBe("/setup");
  });
});
