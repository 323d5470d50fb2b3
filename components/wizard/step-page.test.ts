import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { WIZARD_STEPS } from "@/lib/sage/steps";
import { stepHref } from "./step-paths";

const setupDir = path.resolve(import.meta.dirname, "../../app/setup");
/** Pages under /setup that are not wizard steps. */
const OTHER_SETUP_PAGES = ["health"];

/** The wizard is data (lib/sage/steps.ts) and each step has its own route: the two must not drift. */
describe("one route per wizard step", () => {
  it.each(WIZARD_STEPS.map((s) => [s.path, s] as const))("%s has a page that renders that step", (_, step) => {
    expect(stepHref(step)).toBe(`/setup/${step.path}`);
    const file = path.join(setupDir, step.path, "page.tsx");
    expect(existsSync(file), `app/setup/${step.path}/page.tsx`).toBe(true);
    const source = readFileSync(file, "utf8");
    expect(source).toContain(`stepMetadata("${step.key}")`);
    expect(source).toContain(`<StepPage stepKey="${step.key}"`);
  });

  it("has no other page under /setup", () => {
    const pages = readdirSync(setupDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(path.join(setupDir, entry.name, "page.tsx")))
      .map((entry) => entry.name);
    expect(pages.sort()).toEqual([...WIZARD_STEPS.map((s) => s.path), ...OTHER_SETUP_PAGES].sort());
  });
});
