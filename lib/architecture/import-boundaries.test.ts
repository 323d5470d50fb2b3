import { readFileSync } from "node:fs";
import path from "node:path";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

/**
 * The import table in ARCHITECTURE.md, held against the eslint configuration that enforces it
 * (import-boundaries.config.mjs): each cell is tried with a file that does not exist, linted in
 * place, and the named forbidden imports are shown to fail the lint (so they fail `npm test`).
 */
const root = path.resolve(import.meta.dirname, "../..");
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

/** The rule ids that refuse `code` as if it were the file at `file` (a path inside the repository). */
async function refusals(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).map((m) => m.ruleId ?? `fatal: ${m.message}`);
}

const valueImport = (from: string) => `import * as part from "${from}";\nexport const used = part;\n`;
const typeImport = (from: string, name: string) => `import type { ${name} } from "${from}";\nexport type Used = ${name};\n`;

/** One file standing for each row of the table (a test file, not the code it tests, where it says so). */
const ROW_FILES: Record<string, string[]> = {
  app: ["app/api/example/route.ts", "app/example/page.tsx"],
  "app/api/sim, app/sim": ["app/api/sim/example/route.ts", "app/sim/example/page.tsx"],
  components: ["components/support/example.tsx", "components/shell/example.tsx", "components/simulator/example.tsx"],
  "lib/<feature>": ["lib/example/example.ts", "lib/support/example.ts"],
  "lib/server": ["lib/server/example.ts"],
  "lib/simulator": ["lib/simulator/example.ts"],
  "lib/codat": ["lib/codat/example.ts"],
  "lib/db": ["lib/db/queries/example.ts"],
  "lib/auth": ["lib/auth/example.ts"],
  "lib/api": ["lib/api/example.ts"],
  "lib/sage": ["lib/sage/example.ts", "lib/sage/example.test.ts"],
  "tests, test helpers, e2e, scripts": ["lib/support/example.test.ts", "lib/testing/example.ts", "e2e/example.spec.ts", "scripts/example.ts"],
};

/** One real module standing for each column. */
const COLUMN_MODULES: Record<string, string> = {
  "lib/sage": "@/lib/sage/steps",
  "lib/codat": "@/lib/codat/config",
  "lib/simulator": "@/lib/simulator/ticker",
  "lib/db": "@/lib/db/client",
  "lib/auth": "@/lib/auth/guards",
  "lib/env": "@/lib/env",
  "lib/<feature>": "@/lib/support/list-setups",
  components: "@/components/ui/card",
  app: "@/app/layout",
};

/** ARCHITECTURE.md's table: row label, column label and cell, backticks dropped. */
function readTable(): { row: string; column: string; cell: string }[] {
  const text = readFileSync(path.join(root, "ARCHITECTURE.md"), "utf8");
  const section = text.split("## What may import what")[1]?.split("\n## ")[0] ?? "";
  const lines = section.split("\n").filter((l) => l.startsWith("|"));
  const cells = (line: string) => line.slice(1, -1).split("|").map((c) => c.trim().replaceAll("`", ""));
  const [header = "", , ...rows] = lines;
  const columns = cells(header).slice(1);
  return rows.flatMap((line) => {
    const [row = "", ...values] = cells(line);
    return values.map((cell, i) => ({ row, column: columns[i] ?? "", cell }));
  });
}

describe("ARCHITECTURE.md's import table", () => {
  const table = readTable();

  it("has a row and a column for every part checked here", () => {
    expect(new Set(table.map((c) => c.row))).toEqual(new Set(Object.keys(ROW_FILES)));
    expect(new Set(table.map((c) => c.column))).toEqual(new Set(Object.keys(COLUMN_MODULES)));
  });

  // ✓: a plain import is allowed. Anything else ("—", or a narrower allowance such as "types",
  // whose cases are below): a plain import of the part's module is refused.
  it.each(table)("$row → $column: $cell", async ({ row, column, cell }) => {
    const target = COLUMN_MODULES[column] ?? "";
    for (const file of ROW_FILES[row] ?? []) {
      const refused = (await refusals(file, valueImport(target))).includes("boundaries/dependencies");
      expect({ file, target, refused }).toEqual({ file, target, refused: cell !== "✓" });
    }
  });
});

describe("forbidden imports fail the lint", () => {
  it.each([
    ["lib/sage/rule.ts", 'import { readFileSync } from "node:fs";\nexport const read = readFileSync;\n', "no-restricted-imports"],
    ["lib/sage/rule.ts", 'import { createHash } from "crypto";\nexport const hash = createHash;\n', "no-restricted-imports"],
    ["lib/sage/rule.ts", 'import { eq } from "drizzle-orm";\nexport const same = eq;\n', "no-restricted-imports"],
    ["lib/sage/rule.ts", 'import { useState } from "react";\nexport const hook = useState;\n', "no-restricted-imports"],
    ["lib/sage/rule.ts", 'import "server-only";\nexport const rule = 1;\n', "no-restricted-imports"],
    ["lib/sage/rule.ts", 'import QRCode from "qrcode";\nexport const draw = QRCode;\n', "no-restricted-imports"],
    ["lib/sage/rule.ts", valueImport("@/lib/db/client"), "boundaries/dependencies"],
    ["lib/sage/rule.ts", valueImport("../db/queries/companies"), "boundaries/dependencies"],
    ["lib/sage/rule.ts", typeImport("@/lib/db/client", "Db"), "boundaries/dependencies"],
    ["lib/sage/rule.ts", valueImport("@/lib/auth/permissions"), "boundaries/dependencies"],
    ["lib/sage/rule.ts", valueImport("@/lib/simulator/ticker"), "boundaries/dependencies"],
    ["lib/sage/rule.ts", valueImport("@/lib/env"), "boundaries/dependencies"],
    ["lib/sage/rule.ts", 'export { getDb } from "@/lib/db/client";\n', "boundaries/dependencies"],
    ["lib/sage/rule.ts", 'export const later = () => import("@/lib/codat/config");\n', "boundaries/dependencies"],
    ["lib/sage/rule.ts", "export const pid = () => process.pid;\n", "no-restricted-globals"],
    ["lib/sage/rule.ts", 'export const get = () => fetch("https://example.com");\n', "no-restricted-globals"],
    ["app/api/example/route.ts", valueImport("@/lib/codat/config"), "boundaries/dependencies"],
    ["app/api/example/route.ts", valueImport("@/lib/db/client"), "boundaries/dependencies"],
    ["app/api/example/route.ts", valueImport("@/lib/env"), "boundaries/dependencies"],
    ["app/example/page.tsx", valueImport("@/lib/simulator/pc/load-pc-page"), "boundaries/dependencies"],
    ["components/support/example.tsx", valueImport("@/lib/db/client"), "boundaries/dependencies"],
    ["components/shell/example.tsx", valueImport("@/lib/db/queries/settings"), "boundaries/dependencies"],
    ["components/shell/example.tsx", valueImport("@/lib/shell/branding"), "boundaries/dependencies"],
    ["components/support/example.tsx", valueImport("@/lib/setup/wizard-page-data"), "boundaries/dependencies"],
    ["components/support/example.tsx", valueImport("@/lib/auth/permissions"), "boundaries/dependencies"],
    ["components/simulator/example.tsx", valueImport("@/lib/simulator/pc/pc-state"), "boundaries/dependencies"],
    ["lib/support/example.ts", valueImport("@/components/ui/card"), "boundaries/dependencies"],
    ["lib/support/example.ts", valueImport("../../components/ui/card"), "boundaries/dependencies"],
    ["lib/db/queries/example.ts", valueImport("@/app/layout"), "boundaries/dependencies"],
    ["lib/support/example.ts", valueImport("@/lib/testing/app-stack"), "boundaries/dependencies"],
    ["lib/simulator/example.ts", valueImport("@/lib/codat/config"), "boundaries/dependencies"],
  ])("%s: %s", async (file, code, rule) => {
    expect(await refusals(file, code)).toContain(rule);
  });
});

describe("allowed imports pass", () => {
  it.each([
    ["lib/sage/rule.ts", 'import { z } from "zod/mini";\nimport { WIZARD_STEPS } from "./steps";\nexport const both = [z, WIZARD_STEPS];\n'],
    ["components/wizard/example.tsx", typeImport("@/lib/setup/wizard-view", "WizardView")],
    ["components/support/example.tsx", valueImport("@/lib/setup/create-setup-schema")],
    ["components/auth/example.tsx", valueImport("@/lib/auth/sign-in-action")],
    ["components/wizard/step-page.tsx", valueImport("@/lib/setup/wizard-page-data")],
    ["components/simulator/example.tsx", typeImport("@/lib/simulator/pc/pc-state", "PcState")],
    ["app/api/sim/example/route.ts", valueImport("@/lib/simulator/next-route")],
    ["app/sim/example/page.tsx", valueImport("@/lib/simulator/pc/load-pc-page")],
    ["app/api/example/route.ts", valueImport("@/lib/api/handler")],
    ["lib/simulator/example.ts", typeImport("@/lib/codat/generated/platform", "components")],
    ["lib/auth/example.ts", valueImport("@/lib/setup-links/resolve-setup-link")],
    ["lib/db/queries/example.ts", typeImport("@/lib/auth/actor", "ActorRef")],
    ["lib/support/example.test.ts", valueImport("@/lib/testing/app-stack")],
  ])("%s: %s", async (file, code) => {
    expect(await refusals(file, code)).toEqual([]);
  });
});
