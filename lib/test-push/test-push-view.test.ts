import { describe, expect, it } from "vitest";
import type { TestPushRow } from "@/lib/db/queries/test-pushes";
import { DOCUMENTED_UNSUPPORTED_VERSION_NOTE, UNFAMILIAR_MESSAGES } from "@/lib/sage/documented-messages.fixtures";
import { toTestPushView } from "./test-push-view";

const NOW = new Date("2025-03-04T12:00:00Z");
const company = { codatConnectionId: "conn-1", connectionStatus: "Linked" as const, lastSyncAt: new Date("2025-03-04T11:30:00Z"), flow: "new" as const };
const setup = { pushUsername: "Acme Pay Push", everydayUsernames: ["Jane"] };

/** The columns the view reads; a column added later does not matter here. */
function failedRow(errorMessage: string): TestPushRow {
  const row: Partial<TestPushRow> = {
    id: "00000000-0000-4000-8000-000000000001",
    companyId: "00000000-0000-4000-8000-000000000002",
    connectionId: "conn-1",
    idempotencyKey: null,
    supplierRef: "TST1",
    supplierName: "Acme Pay connection test - safe to delete",
    pushOperationKey: "op-1",
    status: "failed",
    codatStatus: "Failed",
    statusCode: 500,
    errorMessage,
    validation: { errors: [], warnings: [] },
    diagnosisCode: "unknown_failure",
    timeoutInMinutes: 5,
    deadlineAt: new Date("2025-03-04T12:04:00Z"),
    startedByType: "client",
    startedById: null,
    startedAt: new Date("2025-03-04T11:59:00Z"),
    completedAt: new Date("2025-03-04T11:59:30Z"),
    refreshedAt: null,
  };
  return row as TestPushRow;
}

describe("toTestPushView: what the wizard and support receive", () => {
  it.each(UNFAMILIAR_MESSAGES)("an unfamiliar message %j is kept verbatim, with the login clash first to check", (message) => {
    const { diagnosis, errorMessage } = toTestPushView(failedRow(message), company, setup, NOW);
    expect(errorMessage).toBe(message);
    expect(diagnosis).toMatchObject({ code: "unknown_failure", confidence: "possible", message });
    expect(diagnosis.explanation).toContain(message);
    expect(diagnosis.candidates[0]).toMatchObject({ code: "concurrent_login", helpSlug: "login-already-in-use" });
  });

  it("the documented unsupported-version note is certain, with re-sync in its fix", () => {
    const { diagnosis } = toTestPushView(failedRow(DOCUMENTED_UNSUPPORTED_VERSION_NOTE), company, setup, NOW);
    expect(diagnosis).toMatchObject({ code: "sage_version_unsupported", confidence: "certain" });
    expect(diagnosis.clientSteps.join(" ")).toContain("re-sync the company");
    expect(diagnosis.candidates.map((c) => c.code)).toEqual(["concurrent_login"]);
  });
});
