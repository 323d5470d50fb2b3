import { describe, expect, it } from "vitest";
import { matchPushError, quotedNameIn, SAGE_ERROR_MESSAGES, type PushErrorKind } from "./push-error-patterns";

const CASES: [string, PushErrorKind | null][] = [
  // Exactly what the simulator emits.
  [SAGE_ERROR_MESSAGES.loginInUse("Acme Pay Push"), "concurrent_login"],
  [SAGE_ERROR_MESSAGES.accessDenied("Acme Pay Push"), "insufficient_rights"],
  [SAGE_ERROR_MESSAGES.versionUnsupported(21), "sage_version_unsupported"],
  [SAGE_ERROR_MESSAGES.versionUnsupported("2015"), "sage_version_unsupported"],
  // Reasonable variants.
  ["The user JANE is already logged in to Sage 50.", "concurrent_login"],
  ["Logon name in use by another user", "concurrent_login"],
  ["Could not open company: login 'manager' is currently logged on elsewhere", "concurrent_login"],
  ["Concurrent login detected", "concurrent_login"],
  ["USER IS ALREADY IN USE", "concurrent_login"],
  ["Access denied for user Push", "insufficient_rights"],
  ["The user has insufficient permissions", "insufficient_rights"],
  ["User does not have permission to create suppliers", "insufficient_rights"],
  ["Not authorised to write to this company", "insufficient_rights"],
  ["Sage 50 version 21.0 is not supported", "sage_version_unsupported"],
  ["Unsupported Sage 50 version", "sage_version_unsupported"],
  ["This operation requires Sage 50 v22 or later", "sage_version_unsupported"],
  ["Not supported on this version of Sage", "sage_version_unsupported"],
  // Not one of ours.
  ["Object reference not set to an instance of an object.", null],
  ["The company data files could not be found", null],
  ["", null],
];

describe("matchPushError", () => {
  it.each(CASES)("%j → %j", (message, kind) => {
    expect(matchPushError(message)).toBe(kind);
  });

  it("handles missing messages", () => {
    expect(matchPushError(null)).toBeNull();
    expect(matchPushError(undefined)).toBeNull();
  });
});

describe("quotedNameIn", () => {
  it.each<[string | null, string | null]>([
    [SAGE_ERROR_MESSAGES.loginInUse("Acme Pay Push"), "Acme Pay Push"],
    ['user "Jane" is busy', "Jane"],
    ["no quotes here", null],
    [null, null],
  ])("%j → %j", (message, name) => {
    expect(quotedNameIn(message)).toBe(name);
  });
});
