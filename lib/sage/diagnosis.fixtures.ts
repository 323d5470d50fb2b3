import type { DiagnosisCode, DiagnosisConfidence } from "./diagnosis-codes";
import type { DiagnosePushInput, TestPushFacts } from "./diagnosis-ranking";
import { DOCUMENTED_UNSUPPORTED_VERSION_NOTE, DOCUMENTED_VALIDATION_FAILURE } from "./documented-messages.fixtures";

/*
 * The wordings of a login clash and a refused user below are assumed (Codat publishes none): they test
 * the words of each diagnosis, not the classifier, whose ground truth is documented-messages.fixtures.ts.
 */

const NOW = new Date("2025-03-04T12:00:00Z");
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000);

function push(overrides: Partial<TestPushFacts> = {}): TestPushFacts {
  return {
    status: "pending",
    codatStatus: "Pending",
    statusCode: null,
    errorMessage: null,
    validation: null,
    startedAt: minutesAgo(0.5),
    completedAt: null,
    deadlineAt: new Date(NOW.getTime() + 9 * 60_000),
    ...overrides,
  };
}

function input(overrides: Partial<DiagnosePushInput> = {}): DiagnosePushInput {
  return {
    testPush: push(),
    connection: { status: "Linked", lastSyncAt: minutesAgo(5) },
    setup: { pushUsername: "Acme Pay Push", everydayUsernames: ["MANAGER", "Jane"], flow: "new" },
    now: NOW,
    errorKind: null,
    ...overrides,
  };
}

const failed = (errorMessage: string, extra: Partial<TestPushFacts> = {}) =>
  push({ status: "failed", codatStatus: "Failed", errorMessage, completedAt: minutesAgo(0.2), ...extra });

export type DiagnosisCase = {
  name: string;
  input: DiagnosePushInput;
  code: DiagnosisCode;
  confidence?: DiagnosisConfidence;
  /** Substrings expected somewhere in the explanation, client steps or support checks. */
  mentions?: string[];
  /** Substrings that must not appear in what the client reads (title, explanation, client steps). */
  absent?: string[];
};

export const DIAGNOSIS_CASES: DiagnosisCase[] = [
  { name: "success", input: input({ testPush: push({ status: "success", codatStatus: "Success", completedAt: NOW }) }), code: "push_succeeded", mentions: ["filter twice"] },
  { name: "just started", input: input({ testPush: push({ status: "starting", startedAt: NOW }) }), code: "push_pending" },
  { name: "pending 30 seconds", input: input(), code: "push_pending" },
  { name: "pending exactly 2 minutes", input: input({ testPush: push({ startedAt: minutesAgo(2) }) }), code: "push_pending" },
  {
    name: "pending 3 minutes, last sync 2 days ago",
    input: input({ testPush: push({ startedAt: minutesAgo(3) }), connection: { status: "Linked", lastSyncAt: minutesAgo(2 * 24 * 60) } }),
    code: "push_slow",
    mentions: ["3 minutes", "2 days ago"],
  },
  {
    name: "pending past its deadline, never synced",
    input: input({ testPush: push({ startedAt: minutesAgo(15), deadlineAt: minutesAgo(5) }), connection: { status: "Linked", lastSyncAt: null } }),
    code: "push_slow",
    mentions: ["not completed a sync", "no completed sync"],
  },
  {
    name: "pending 5 minutes: a paused connector is listed with Resume",
    input: input({ testPush: push({ startedAt: minutesAgo(5) }) }),
    code: "push_slow",
    mentions: ["paused", "Resume"],
  },
  { name: "no test push yet", input: input({ testPush: null }), code: "test_push_not_run" },
  { name: "no connection", input: input({ testPush: null, connection: { status: null, lastSyncAt: null } }), code: "connector_not_linked", mentions: ["No Sage 50 connection"] },
  { name: "PendingAuth", input: input({ testPush: null, connection: { status: "PendingAuth", lastSyncAt: null } }), code: "connector_not_linked", mentions: ["license key", "PendingAuth", "administrator rights"] },
  {
    name: "Deauthorized beats an earlier success",
    input: input({ testPush: push({ status: "success" }), connection: { status: "Deauthorized", lastSyncAt: minutesAgo(60) } }),
    code: "connector_uninstalled",
    mentions: ["one-time sync", "install on the customer's machine"],
  },
  {
    name: "Deauthorized, upgrade flow",
    input: input({ connection: { status: "Deauthorized", lastSyncAt: null }, setup: { everydayUsernames: ["Jane"], flow: "upgrade" } }),
    code: "connector_uninstalled",
    mentions: ["upgrade setup"],
  },
  { name: "Unlinked", input: input({ connection: { status: "Unlinked", lastSyncAt: null } }), code: "connection_unlinked" },
  {
    name: "timed out, last sync old",
    input: input({
      testPush: push({ status: "timed_out", codatStatus: "TimedOut", startedAt: minutesAgo(12), completedAt: minutesAgo(2) }),
      connection: { status: "Linked", lastSyncAt: minutesAgo(3 * 24 * 60) },
    }),
    code: "connector_offline",
    mentions: ["asleep", "%LocalAppData%\\Codat", "antivirus", "Restart connector", "3 days ago", "10 minutes"],
  },
  {
    name: "timed out, synced recently",
    input: input({
      testPush: push({ status: "timed_out", codatStatus: "TimedOut", startedAt: minutesAgo(12), deadlineAt: minutesAgo(3), completedAt: null }),
    }),
    code: "connector_offline",
    mentions: ["running recently", "9 minutes"],
  },
  { name: "failed but Codat says TimedOut", input: input({ testPush: failed("", { codatStatus: "TimedOut" }) }), code: "connector_offline" },
  {
    name: "concurrent login with an everyday login",
    input: input({ testPush: failed("Could not open company: login 'Jane' is currently logged on elsewhere") }),
    code: "concurrent_login",
    confidence: "likely",
    mentions: ["Jane", "everyday login", "Manage connection", "Acme Pay Push"],
  },
  {
    name: "concurrent login with the push user, new flow",
    input: input({ testPush: failed("The logon name 'Acme Pay Push' is already in use.") }),
    code: "concurrent_login",
    mentions: ["Close Sage 50 wherever someone is logged in as “Acme Pay Push”", "Or change the connector's login", "Manage connection", "Or open Sage 50 with a different login"],
    absent: ["one of the logins people use every day"],
  },
  {
    name: "concurrent login, upgrade flow",
    input: input({
      testPush: failed("User ACME PAY PUSH is already logged in."),
      setup: { pushUsername: "Acme Pay Push", everydayUsernames: ["Jane"], flow: "upgrade" },
    }),
    code: "concurrent_login",
    mentions: ["Manage connection", "tray"],
  },
  {
    name: "access rights",
    input: input({ testPush: failed("Access denied: user 'Acme Pay Push' may not create suppliers.") }),
    code: "insufficient_rights",
    mentions: ["Administrator", "Settings > User Management > Users"],
  },
  {
    name: "the connector's saved login refused (assumed wording)",
    input: input({ testPush: failed("Logon failed: the password for 'Acme Pay Push' is incorrect.") }),
    code: "connector_login_rejected",
    mentions: ["Manage connection", "Settings > User Management > Users"],
  },
  {
    name: "old Sage version, documented note",
    input: input({ testPush: failed(DOCUMENTED_UNSUPPORTED_VERSION_NOTE) }),
    code: "sage_version_unsupported",
    confidence: "certain",
    mentions: ["version 22", "Help > About", "re-sync the company", "Perform data sync"],
  },
  {
    name: "documented validation failure",
    input: input({ testPush: failed(DOCUMENTED_VALIDATION_FAILURE.errorMessage, { validation: DOCUMENTED_VALIDATION_FAILURE.validation }) }),
    code: "invalid_test_record",
    confidence: "certain",
    mentions: ["Account / NominalCode"],
  },
  {
    name: "validation errors",
    input: input({
      testPush: failed("Validation failed", {
        validation: { errors: [{ itemId: "TST1", message: "Supplier id must be at most 8 characters.", validatorName: "Sage50Supplier" }], warnings: [] },
      }),
    }),
    code: "invalid_test_record",
    mentions: ["Sage50Supplier / TST1: Supplier id must be at most 8 characters.", "product bug"],
  },
  {
    name: "request refused with validation errors (HTTP 400)",
    input: input({
      testPush: push({ status: "error", statusCode: 400, validation: { errors: [{ message: "id too long" }], warnings: [] } }),
    }),
    code: "invalid_test_record",
  },
  { name: "errorKind codat_unavailable", input: input({ testPush: null, errorKind: "codat_unavailable" }), code: "codat_unavailable" },
  { name: "errorKind rate_limited", input: input({ testPush: null, errorKind: "rate_limited" }), code: "rate_limited" },
  {
    name: "errorKind wins over a dropped connection",
    input: input({ errorKind: "codat_unavailable", connection: { status: "Deauthorized", lastSyncAt: null } }),
    code: "codat_unavailable",
  },
  { name: "HTTP 503", input: input({ testPush: push({ status: "error", statusCode: 503 }) }), code: "codat_unavailable", mentions: ["HTTP 503"] },
  { name: "network error", input: input({ testPush: push({ status: "error", statusCode: null }) }), code: "codat_unavailable", mentions: ["did not answer"] },
  { name: "HTTP 429", input: input({ testPush: push({ status: "error", statusCode: 429 }) }), code: "rate_limited" },
  {
    name: "HTTP 409",
    input: input({ testPush: push({ status: "error", statusCode: 409, errorMessage: "Conflict" }) }),
    code: "codat_conflict",
    mentions: ["“Conflict”", "HTTP 409"],
  },
  {
    name: "HTTP 400 without validation",
    input: input({ testPush: push({ status: "error", statusCode: 400, errorMessage: "Error processing request - not valid." }) }),
    code: "codat_bad_request",
    mentions: ["HTTP 400", "not valid"],
  },
  { name: "HTTP 401", input: input({ testPush: push({ status: "error", statusCode: 401, errorMessage: "Unauthorized" }) }), code: "codat_auth_failed", mentions: ["HTTP 401"] },
  { name: "HTTP 403", input: input({ testPush: push({ status: "error", statusCode: 403 }) }), code: "codat_auth_failed", mentions: ["HTTP 403"] },
  { name: "HTTP 404", input: input({ testPush: push({ status: "error", statusCode: 404 }) }), code: "codat_not_found", mentions: ["HTTP 404"] },
  { name: "errorKind codat_not_found", input: input({ testPush: null, errorKind: "codat_not_found" }), code: "codat_not_found" },
  {
    name: "unrecognised failure",
    input: input({ testPush: failed("Object reference not set to an instance of an object.") }),
    code: "unknown_failure",
    confidence: "possible",
    mentions: ["Object reference not set"],
  },
  { name: "failed with no message", input: input({ testPush: failed("") }), code: "unknown_failure", mentions: ["(none)"] },
];
