import { describe, expect, it } from "vitest";
import { ASSUMED_PUSH_ERROR_PATTERNS } from "./assumed-connector-behaviour";
import { DOCUMENTED_UNSUPPORTED_VERSION_NOTE, DOCUMENTED_VALIDATION_FAILURE, UNFAMILIAR_MESSAGES } from "./documented-messages.fixtures";
import { matchPushError, quotedNameIn, type PushErrorKind } from "./push-error-patterns";

describe("matchPushError on what Codat documents", () => {
  it.each<[string, string, PushErrorKind]>([
    ["the unsupported-version note", DOCUMENTED_UNSUPPORTED_VERSION_NOTE, "sage_version_unsupported"],
    ["the note's first sentence alone", DOCUMENTED_UNSUPPORTED_VERSION_NOTE.split(". ")[0] ?? "", "sage_version_unsupported"],
    ["the note quoted inside a longer message", `Push failed. ${DOCUMENTED_UNSUPPORTED_VERSION_NOTE}`, "sage_version_unsupported"],
    ["the validation failure's summary", DOCUMENTED_VALIDATION_FAILURE.errorMessage, "invalid_test_record"],
  ])("%s → %s, documented", (_name, message, kind) => {
    expect(matchPushError(message)).toMatchObject({ kind, status: "documented", source: expect.stringMatching(/Codat/) });
  });

  it.each(UNFAMILIAR_MESSAGES)("an unfamiliar message matches nothing: %j", (message) => {
    expect(matchPushError(message)).toBeNull();
  });

  it("handles missing messages", () => {
    expect(matchPushError(null)).toBeNull();
    expect(matchPushError(undefined)).toBeNull();
    expect(matchPushError("")).toBeNull();
  });
});

describe("matchPushError on assumed wordings", () => {
  it("every assumed pattern says so, and names why", () => {
    for (const entry of ASSUMED_PUSH_ERROR_PATTERNS) {
      expect(entry.status).toBe("assumed");
      expect(entry.source).toMatch(/assumed/);
    }
  });

  // Guesses, not ground truth: these show the assumed patterns are reported as assumed.
  it.each<[string, PushErrorKind]>([
    ["The user JANE is already logged in to Sage 50.", "concurrent_login"],
    ["Logon name in use by another user", "concurrent_login"],
    ["Could not open company: login 'manager' is currently logged on elsewhere", "concurrent_login"],
    ["Concurrent login detected", "concurrent_login"],
    ["Access denied for user Push", "insufficient_rights"],
    ["The user has insufficient permissions", "insufficient_rights"],
    ["User does not have permission to create suppliers", "insufficient_rights"],
    ["Not authorised to write to this company", "insufficient_rights"],
    ["Sage 50 version 21.0 is not supported", "sage_version_unsupported"],
    ["Unsupported Sage 50 version", "sage_version_unsupported"],
    ["This operation requires Sage 50 v22 or later", "sage_version_unsupported"],
    ["Logon failed for user 'Acme Push'", "connector_login_rejected"],
    ["Invalid username or password", "connector_login_rejected"],
    ["The user ACME PUSH does not exist in this company", "connector_login_rejected"],
  ])("%j → %s, assumed", (message, kind) => {
    expect(matchPushError(message)).toMatchObject({ kind, status: "assumed" });
  });
});

describe("quotedNameIn", () => {
  it.each<[string | null, string | null]>([
    ["the logon name 'Acme Pay Push' is busy", "Acme Pay Push"],
    ['user "Jane" is busy', "Jane"],
    ["no quotes here", null],
    [null, null],
  ])("%j → %j", (message, name) => {
    expect(quotedNameIn(message)).toBe(name);
  });
});
