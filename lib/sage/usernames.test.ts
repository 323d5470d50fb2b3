import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cutToLength } from "./cut-to-length";
import { PUSH_USERNAME_CASES, SUGGESTION_CASES } from "./usernames.fixtures";
import {
  checkPushUsername,
  checkUsername,
  findUsernameClash,
  normalizeUsername,
  SAGE50_USERNAME_MAX_LENGTH,
  suggestPushUsername,
} from "./usernames";

describe("checkPushUsername", () => {
  it.each(PUSH_USERNAME_CASES)("%j → %j", (name, problems) => {
    expect(checkPushUsername(name)).toEqual(problems);
  });

  it("lets MANAGER be an everyday login", () => {
    expect(checkUsername("MANAGER")).toEqual([]);
  });

  it("keeps the assumed length limit in one constant", () => {
    expect(SAGE50_USERNAME_MAX_LENGTH).toBe(32);
  });
});

describe("normalizeUsername and findUsernameClash", () => {
  it.each([
    ["Acme Pay", "acmepay"],
    [" ACME  PAY ", "acmepay"],
    ["Jane", "jane"],
  ])("normalizes %j to %j", (name, normal) => {
    expect(normalizeUsername(name)).toBe(normal);
  });

  it.each<[string, string[], string | null]>([
    ["Acme Pay Push", ["MANAGER", "Jane"], null],
    ["acmepay", ["MANAGER", "Acme Pay"], "Acme Pay"],
    ["JANE", ["jane"], "jane"],
    ["Jane", [], null],
    ["", [""], null],
  ])("%j against %j → %j", (push, everyday, clash) => {
    expect(findUsernameClash(push, everyday)).toBe(clash);
  });
});

describe("suggestPushUsername", () => {
  it.each(SUGGESTION_CASES)("%j → %j", (integrator, suggestion) => {
    expect(suggestPushUsername(integrator)).toBe(suggestion);
  });

  it("always suggests a valid push username", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (integrator) => {
        expect(checkPushUsername(suggestPushUsername(integrator))).toEqual([]);
      }),
    );
  });
});

describe("cutToLength", () => {
  it.each<[string, number, string]>([
    ["short", 10, "short"],
    ["one two three", 7, "one two"],
    ["one two three", 8, "one two"],
    ["abcdefghij", 4, "abcd"],
    ["a bcdefghij", 6, "a bcde"],
    ["ab😀", 3, "ab"],
  ])("%j cut to %i → %j", (text, max, expected) => {
    expect(cutToLength(text, max)).toBe(expected);
  });
});
