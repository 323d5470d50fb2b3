import { describe, expect, it } from "vitest";
import { PUSH_HEALTH_STATES } from "./push-health";
import { PUSH_HEALTH_WORDS, repairWords } from "./push-health-copy";

describe("push health in the client's words", () => {
  it("has words for every state", () => {
    expect(Object.keys(PUSH_HEALTH_WORDS).sort()).toEqual([...PUSH_HEALTH_STATES].sort());
  });

  it("a login clash names the push user and ends with a test push", () => {
    const words = repairWords("concurrent_login", { flow: "new", pushUsername: "Acme Push" });
    expect(words.headline).toBe("Sage 50 login already in use");
    expect(words.steps[0]).toContain("“Acme Push”");
    expect(words.steps.at(-1)).toBe("Run the test push again.");
    expect(words.fixSummary).toBe(words.steps.join(" "));
  });

  it("an upgrade, or an everyday login, puts Manage connection first", () => {
    expect(repairWords("concurrent_login", { flow: "upgrade", pushUsername: "Acme Push" }).steps[0]).toMatch(/Change the connector's login/);
  });

  it("no cause still gives a fix to try", () => {
    expect(repairWords(null, { flow: "new", pushUsername: null }).steps.length).toBeGreaterThan(0);
  });
});
