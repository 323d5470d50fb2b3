import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { EMBED_EVENT_TYPES, EMBED_MESSAGE_SOURCE, embedEvent } from "@/lib/sage/embed-events";

const root = path.resolve(import.meta.dirname, "../..");
const script = readFileSync(path.join(root, "public/embed.js"), "utf8");
const readme = readFileSync(path.join(root, "README.md"), "utf8");

describe("the embed events' contract", () => {
  it("every event type is documented in /embed.js and the README", () => {
    for (const type of EMBED_EVENT_TYPES) {
      expect(script, `embed.js documents ${type}`).toContain(type);
      expect(readme, `README documents ${type}`).toContain(`\`${type}\``);
    }
  });

  it("/embed.js reads only this app's messages from its own frame, and calls onSuccess on push_enabled", () => {
    expect(script).toContain(`var SOURCE = "${EMBED_MESSAGE_SOURCE}"`);
    expect(script).toContain("event.origin !== appOrigin || event.source !== frame.contentWindow");
    expect(script).toMatch(/data\.type === "push_enabled"\) call\(options\.onSuccess/);
    expect(script).not.toMatch(/postMessage\([^)]*["']\*["']/);
  });

  it("a payload carries the setup's ids and what happened, nothing else", () => {
    expect(embedEvent("test_push_finished", "c1", { outcome: "success" })).toEqual({ type: "test_push_finished", companyId: "c1", setupId: "c1", outcome: "success" });
    expect(Object.keys(embedEvent("step_completed", "c1", { step: "before-start" })).sort()).toEqual(["companyId", "setupId", "step", "type"]);
  });
});
