import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cutToLength } from "./cut-to-length";
import { FORM_CASES, PUSH_USERNAME_CASES, SUGGESTION_CASES } from "./usernames.fixtures";
import {
  checkPushUsername,
  checkUsername,
  findUsernameClash,
  normalizeUsername,
  pushUserFormSchema,
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

describe("pushUserFormSchema", () => {
  it.each(FORM_CASES)("$name", ({ input, issuePaths, messageIncludes }) => {
    const result = pushUserFormSchema.safeParse(input);
    const paths = result.success ? [] : result.error.issues.map((issue) => issue.path.join("."));
    expect([...new Set(paths)].sort()).toEqual([...issuePaths].sort());
    if (messageIncludes) {
      const message = result.error?.issues.find((issue) => issue.path.join(".") === "pushUsername")?.message;
      expect(message).toContain(messageIncludes);
    }
  });

  it("explains why a password is refused", () => {
    const result = pushUserFormSchema.safeParse({ pushUsername: "Acme Push", everydayUsernames: ["Jane"], password: "x" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/password/i);
  });

  it("explains why a clash is refused", () => {
    const result = pushUserFormSchema.safeParse({ pushUsername: "Jane", everydayUsernames: ["jane"] });
    const message = result.error?.issues.find((issue) => issue.path[0] === "pushUsername")?.message ?? "";
    expect(message).toMatch(/connector/);
    expect(message).toMatch(/fail/);
  });

  it("trims the ends of usernames", () => {
    const result = pushUserFormSchema.parse({ pushUsername: " Acme Push ", everydayUsernames: [" Jane "] });
    expect(result).toEqual({ pushUsername: "Acme Push", everydayUsernames: ["Jane"] });
  });
});
