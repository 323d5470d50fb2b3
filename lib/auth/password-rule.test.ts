import { describe, expect, it } from "vitest";
import { generateOneTimePassword } from "@/lib/support/one-time-password";
import { PASSWORD_MAX_LENGTH, staffPasswordSchema } from "./password-rule";
import { signInSchema } from "./sign-in-schema";

describe("the staff password rule", () => {
  it.each([
    ["too short", "Tr0ub4dor&3"],
    ["one character repeated", "aaaaaaaaaaaaaaaa"],
    ["two characters alternating", "121212121212121212"],
    ["longer than sign-in accepts", "correct horse battery staple ".repeat(8)],
  ])("refuses a password that is %s", (_, password) => {
    expect(staffPasswordSchema.safeParse(password).success).toBe(false);
  });

  it("accepts a long passphrase", () => {
    expect(staffPasswordSchema.safeParse("correct horse battery staple").success).toBe(true);
  });

  it("is met by every one-time password the server makes", () => {
    for (let i = 0; i < 200; i++) expect(staffPasswordSchema.safeParse(generateOneTimePassword()).success).toBe(true);
  });

  it("never allows a password that sign-in would refuse", () => {
    const longest = `${"abcdefgh".repeat(PASSWORD_MAX_LENGTH / 8)}`;
    expect(staffPasswordSchema.safeParse(longest).success).toBe(true);
    expect(signInSchema.safeParse({ email: "a@example.com", password: longest }).success).toBe(true);
  });
});
