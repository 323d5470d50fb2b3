import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DOCUMENTED_UNSUPPORTED_VERSION_NOTE } from "@/lib/sage/documented-messages.fixtures";
import { UNSUPPORTED_VERSION_NOTE } from "@/lib/sage/assumed-connector-behaviour";

describe("documented messages the diagnosis relies on", () => {
  const payables = readFileSync(path.join(import.meta.dirname, "Codat-Sync-Payables-v1.json"), "utf8");

  it("the unsupported-version note is word for word what the Sage 50 push options say", () => {
    expect(payables).toContain(`"details": ${JSON.stringify(DOCUMENTED_UNSUPPORTED_VERSION_NOTE)}`);
    expect(UNSUPPORTED_VERSION_NOTE).toBe(DOCUMENTED_UNSUPPORTED_VERSION_NOTE);
  });
});
