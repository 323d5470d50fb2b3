import { describe, expect, it } from "vitest";
import { FORM_CASES } from "./usernames.fixtures";
import { pushUserFormSchema } from "./push-user-form-schema";

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
