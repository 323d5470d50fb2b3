import { describe, expect, it } from "vitest";
import { EMAIL_KINDS } from "@/lib/sage/email-kinds";
import { EMAIL_KIND_WORDS } from "./email-kind-words";

describe("EMAIL_KIND_WORDS", () => {
  it("names every kind of email, and nothing else", () => {
    expect(Object.keys(EMAIL_KIND_WORDS).sort()).toEqual([...EMAIL_KINDS].sort());
  });
});
