import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { childProcessBasics } from "@/lib/env";

const root = path.resolve(import.meta.dirname, "../..");
const dataDir = mkdtempSync(path.join(tmpdir(), "start-up-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** What Next.js does when a server starts: load instrumentation.ts and call register(), in a process of its own. */
function register(env: Record<string, string>) {
  const script = `const { tsImport } = await import("tsx/esm/api");
const m = await tsImport(${JSON.stringify(path.join(root, "instrumentation.ts"))}, import.meta.url);
await m.register();
console.log("started");
process.exit(0);`;
  return spawnSync(process.execPath, ["--input-type=module", "-e", script], {
    cwd: root,
    encoding: "utf8",
    timeout: 60_000,
    env: { NODE_ENV: "production", PATH: childProcessBasics().PATH, NEXT_RUNTIME: "nodejs", DATA_DIR: dataDir, ...env },
  });
}

const CODAT = { CODAT_API_KEY: "live-key", CODAT_WEBHOOK_SECRET: "whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQ" };
const SECRET = { AUTH_SECRET: "a-production-secret-of-at-least-32-characters" };

describe("a server with invalid configuration does not start", () => {
  it.each([
    ["AUTH_SECRET is missing in production", { ...CODAT }, "AUTH_SECRET"],
    ["CODAT_WEBHOOK_SECRET is missing with a Codat key", { ...SECRET, CODAT_API_KEY: "live-key" }, "CODAT_WEBHOOK_SECRET"],
    ["AUTH_SECRET is too short", { ...CODAT, AUTH_SECRET: "short" }, "AUTH_SECRET"],
    ["DATABASE_URL is not a PostgreSQL URL", { ...CODAT, ...SECRET, DATABASE_URL: "mysql://db/app" }, "DATABASE_URL"],
    ["PORT is not a port", { ...CODAT, ...SECRET, PORT: "eighty" }, "PORT"],
  ])("exits non-zero, naming the variable, when %s", (_, env, variable) => {
    const run = register(env);
    expect(run.status, run.stdout + run.stderr).toBe(1);
    expect(run.stderr).toContain("cannot start");
    expect(run.stderr).toContain(variable);
    expect(run.stdout).not.toContain("started");
  });

  it("makes no secret in the data directory for a production server it refuses", () => {
    expect(readdirSync(dataDir)).toEqual([]);
  });

  it("starts with the same configuration made valid (the check above is not what fails)", { timeout: 60_000 }, () => {
    const good = mkdtempSync(path.join(tmpdir(), "start-up-ok-"));
    try {
      const run = register({ ...CODAT, ...SECRET, DATA_DIR: good });
      expect(run.status, run.stdout + run.stderr).toBe(0);
      expect(run.stdout).toContain("server ready");
      expect(run.stdout).toContain("started");
    } finally {
      rmSync(good, { recursive: true, force: true });
    }
  });
});

describe("npm start with invalid configuration", () => {
  it("exits non-zero naming the variable, before building or serving anything", () => {
    const run = spawnSync(process.execPath, [path.join(root, "scripts/start.mjs")], {
      cwd: root,
      encoding: "utf8",
      timeout: 60_000,
      env: { NODE_ENV: "production", PATH: childProcessBasics().PATH, DEMO: "0", DATA_DIR: dataDir, PORT: "3299", ...CODAT },
    });
    expect(run.status, run.stdout + run.stderr).toBe(1);
    expect(run.stderr).toContain("cannot start");
    expect(run.stderr).toContain("AUTH_SECRET");
    expect(run.stdout).not.toContain("Building");
  });
});
