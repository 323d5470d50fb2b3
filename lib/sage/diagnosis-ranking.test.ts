import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diagnosePush } from "./diagnosis";
import type { Diagnosis } from "./diagnosis-codes";
import type { DiagnosePushInput, TestPushFacts } from "./diagnosis-ranking";
import { DOCUMENTED_UNSUPPORTED_VERSION_NOTE, DOCUMENTED_VALIDATION_FAILURE, UNFAMILIAR_MESSAGES } from "./documented-messages.fixtures";

const NOW = new Date("2025-03-04T12:00:00Z");
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000);

function linked(testPush: TestPushFacts): DiagnosePushInput {
  return {
    testPush,
    connection: { status: "Linked", lastSyncAt: minutesAgo(30) },
    setup: { pushUsername: "Acme Pay Push", everydayUsernames: ["Jane"], flow: "new" },
    now: NOW,
  };
}

const ended = (status: "failed" | "timed_out", extra: Partial<TestPushFacts> = {}): TestPushFacts => ({
  status,
  codatStatus: status === "failed" ? "Failed" : "TimedOut",
  startedAt: minutesAgo(6),
  completedAt: minutesAgo(1),
  deadlineAt: minutesAgo(1),
  ...extra,
});

/** The causes in the order the client reads them: the code (unless it is "unknown"), then the candidates. */
const ranked = (d: Diagnosis) => [d.code, ...d.candidates.map((c) => c.code)].filter((code) => code !== "unknown_failure");
const clientText = (d: Diagnosis) => [d.title, d.explanation, ...d.clientSteps].join("\n");

describe("the login clash on a linked connection", () => {
  it("ranks in the top two for any failed or timed-out push, whatever the message says", () => {
    fc.assert(
      fc.property(fc.constantFrom("failed" as const, "timed_out" as const), fc.option(fc.string({ maxLength: 120 })), (status, errorMessage) => {
        const d = diagnosePush(linked(ended(status, { errorMessage })));
        expect(ranked(d).slice(0, 2)).toContain("concurrent_login");
      }),
    );
  });

  it("comes with the three ways out: close Sage 50, Manage connection, a different login", () => {
    const d = diagnosePush(linked(ended("timed_out")));
    const clash = d.candidates.find((c) => c.code === "concurrent_login");
    const fix = clash?.fix.join("\n") ?? "";
    expect(fix).toContain("Close Sage 50");
    expect(fix).toContain("Manage connection");
    expect(fix).toContain("different login");
    expect(clash?.reason).toMatch(/time/);
  });

  it("also ranks when a documented message names another cause", () => {
    const d = diagnosePush(linked(ended("failed", { errorMessage: DOCUMENTED_UNSUPPORTED_VERSION_NOTE })));
    expect(d.candidates[0]?.code).toBe("concurrent_login");
  });
});

describe("unfamiliar messages", () => {
  it.each(UNFAMILIAR_MESSAGES)("%j: unknown, possible, kept verbatim, login clash first", (message) => {
    const d = diagnosePush(linked(ended("failed", { errorMessage: message, statusCode: 500 })));
    expect(d).toMatchObject({ code: "unknown_failure", confidence: "possible", message });
    expect(d.candidates.map((c) => c.code)).toEqual([
      "concurrent_login",
      "insufficient_rights",
      "sage_version_unsupported",
      "connector_login_rejected",
    ]);
    expect(clientText(d)).toContain(message);
    expect(d.supportChecks.join("\n")).toContain(message);
    for (const candidate of d.candidates) {
      expect(candidate.reason.length).toBeGreaterThan(0);
      expect(candidate.fix.length).toBeGreaterThan(0);
    }
  });

  it("a quoted name in an unfamiliar message is not taken for the login in use", () => {
    const d = diagnosePush(linked(ended("failed", { errorMessage: UNFAMILIAR_MESSAGES[5] })));
    expect(d.candidates[0]?.fix.join("\n")).not.toContain("C:\\");
  });
});

describe("a paused connector", () => {
  it.each([
    ["a push still Pending after five minutes", { status: "pending" as const, codatStatus: "Pending", startedAt: minutesAgo(5), deadlineAt: minutesAgo(-5) }, "push_slow"],
    ["a timed-out push", ended("timed_out"), "connector_offline"],
  ])("%s lists it after the login clash, then a firewall, with Resume as its fix", (_name, testPush, code) => {
    const d = diagnosePush(linked(testPush));
    expect(d.code).toBe(code);
    expect(d.candidates.map((c) => c.code)).toEqual(["concurrent_login", "connector_paused", "connector_blocked_by_firewall"]);
    const paused = d.candidates[1];
    expect(paused?.fix.join("\n")).toContain("Resume");
    expect(paused?.helpSlug).toBe("connector-paused");
    const firewall = d.candidates[2];
    expect(firewall?.fix.join("\n")).toMatch(/outgoing secure web connections \(port 443\)/);
    expect(firewall?.helpSlug).toBe("firewall-blocks-connector");
  });

  it("a push waiting under two minutes is normal and lists nothing", () => {
    const d = diagnosePush(linked({ status: "pending", codatStatus: "Pending", startedAt: minutesAgo(1), deadlineAt: minutesAgo(-9) }));
    expect(d).toMatchObject({ code: "push_pending", candidates: [] });
  });
});

describe("the connector's saved login no longer works", () => {
  it("is likely, keeps the login clash next, and tells the client to update the login or recreate the user", () => {
    const d = diagnosePush(linked(ended("failed", { errorMessage: "The password for user 'Acme Push' is incorrect.", statusCode: 500 })));
    expect(d).toMatchObject({ code: "connector_login_rejected", confidence: "likely", helpSlug: "connector-login-no-longer-works" });
    expect(d.candidates[0]?.code).toBe("concurrent_login");
    const steps = d.clientSteps.join("\n");
    expect(steps).toContain("Manage connection");
    expect(steps).toContain("Settings > User Management > Users");
  });
});

describe("confidence", () => {
  it("the documented unsupported-version note is certain, and its fix upgrades then re-syncs", () => {
    const d = diagnosePush(linked(ended("failed", { errorMessage: DOCUMENTED_UNSUPPORTED_VERSION_NOTE, statusCode: 400 })));
    expect(d).toMatchObject({ code: "sage_version_unsupported", confidence: "certain", message: DOCUMENTED_UNSUPPORTED_VERSION_NOTE });
    expect(d.clientSteps.join("\n")).toMatch(/Upgrade[\s\S]*re-sync the company/);
  });

  it("the documented validation failure, naming its field, is certain", () => {
    const d = diagnosePush(linked(ended("failed", DOCUMENTED_VALIDATION_FAILURE)));
    expect(d).toMatchObject({ code: "invalid_test_record", confidence: "certain" });
    expect(d.supportChecks.join("\n")).toContain("Account / NominalCode: Failed to push to Account as NominalCode must not be longer than 10 characters long.");
  });

  it("the documented validation summary without its errors is only likely", () => {
    const d = diagnosePush(linked(ended("failed", { errorMessage: DOCUMENTED_VALIDATION_FAILURE.errorMessage })));
    expect(d).toMatchObject({ code: "invalid_test_record", confidence: "likely" });
  });

  it("validation errors that name no field are only likely", () => {
    const d = diagnosePush(linked(ended("failed", { errorMessage: "x", validation: { errors: [{ message: "too long" }], warnings: [] } })));
    expect(d).toMatchObject({ code: "invalid_test_record", confidence: "likely" });
  });

  it.each([
    ["an assumed login-clash wording", "The user JANE is already logged in to Sage 50.", "concurrent_login"],
    ["an assumed access-rights wording", "Access denied for user Push", "insufficient_rights"],
    ["an assumed version wording", "Unsupported Sage 50 version", "sage_version_unsupported"],
    ["an assumed refused-login wording", "Logon failed for user 'Acme Push'", "connector_login_rejected"],
  ])("%s is only likely", (_name, errorMessage, code) => {
    expect(diagnosePush(linked(ended("failed", { errorMessage })))).toMatchObject({ code, confidence: "likely" });
  });

  it("a time-out is only likely the connector being offline", () => {
    expect(diagnosePush(linked(ended("timed_out")))).toMatchObject({ code: "connector_offline", confidence: "likely" });
  });

  it("the connection's own status is certain and lists nothing else", () => {
    const d = diagnosePush({ ...linked(ended("failed")), connection: { status: "Deauthorized", lastSyncAt: null } });
    expect(d).toMatchObject({ code: "connector_uninstalled", confidence: "certain", candidates: [] });
  });
});
