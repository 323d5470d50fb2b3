import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { test, expect } from "@playwright/test";
import { createAppServer, freePort } from "../lib/security/testing/app-server";

/**
 * A production install from nothing, as an operator does it (NODE_ENV=production, no DEMO, live
 * Codat, the embedded database in an empty folder): a missing secret stops the server with its
 * name; `npm run staff:create` makes the first admin while the app is stopped; the app starts and
 * that admin signs in and reaches the admin API. Unknown API addresses answer JSON there too.
 */
const root = path.resolve(import.meta.dirname, "..");

test.describe.configure({ mode: "serial" });

let dataDir = "";
test.beforeAll(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), "push-setup-fresh-"));
});
test.afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function productionEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production",
    DEMO: undefined,
    DATABASE_URL: undefined,
    DATA_DIR: dataDir,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    APP_URL: "https://push.example.test",
    CODAT_API_KEY: "live-key-for-tests",
    CODAT_BASE_URL: "http://127.0.0.1:9",
    CODAT_WEBHOOK_SECRET: `whsec_${randomBytes(24).toString("base64")}`,
    NEXT_TELEMETRY_DISABLED: "1",
    ...extra,
  };
}

/** Runs a command to its end: its exit status and everything it printed. */
function run(command: string, args: string[], env: NodeJS.ProcessEnv, stdin = ""): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env, stdio: ["pipe", "pipe", "pipe"], detached: true });
    let output = "";
    child.stdout.on("data", (c: Buffer) => (output += c.toString()));
    child.stderr.on("data", (c: Buffer) => (output += c.toString()));
    const timer = setTimeout(() => {
      if (child.pid) process.kill(-child.pid, "SIGKILL");
    }, 60_000);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
    child.stdin.end(stdin);
  });
}

test("next start with AUTH_SECRET missing exits non-zero and names it, instead of serving", async () => {
  test.setTimeout(90_000);
  const port = String(await freePort());
  const started = await run(path.join(root, "node_modules", ".bin", "next"), ["start", "-p", port, "-H", "127.0.0.1"], productionEnv({ AUTH_SECRET: undefined }));
  expect(started.code, started.output).not.toBe(0);
  expect(started.code, "killed by the test's timeout, not exited").not.toBeNull();
  expect(started.output).toContain("AUTH_SECRET");
});

test("staff:create makes the first admin; the production server starts and that admin signs in", async () => {
  test.setTimeout(150_000);
  const env = productionEnv();
  const password = "first admin passphrase 2026";
  const created = await run(process.execPath, [path.join(root, "scripts", "staff-create.mjs"), "--email", "owner@example.test", "--role", "admin"], env, `${password}\n`);
  expect(created.code, created.output).toBe(0);
  expect(created.output).toContain("Created admin account owner@example.test");

  const server = await createAppServer({ name: "fresh", root, port: await freePort(), env, logDir: path.join(root, "test-results", "servers") });
  try {
    await server.start();
    const csrfRes = await fetch(`${server.url}/api/auth/csrf`);
    const csrfCookies = csrfRes.headers.getSetCookie().map((c) => c.split(";")[0]);
    const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
    const signIn = await fetch(`${server.url}/api/auth/callback/staff`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: csrfCookies.join("; ") },
      body: new URLSearchParams({ csrfToken, email: "owner@example.test", password, callbackUrl: "/support" }),
    });
    expect(signIn.status).toBe(302);
    expect(signIn.headers.get("location")).not.toContain("error");
    const session = signIn.headers.getSetCookie().find((c) => c.startsWith("__Secure-authjs.session-token="));
    expect(session, "a session cookie").toBeDefined();
    const staff = await fetch(`${server.url}/api/staff`, { headers: { Cookie: session!.split(";")[0]! } });
    expect(staff.status).toBe(200);
    const body = (await staff.json()) as { staff: { email: string; role: string }[] };
    expect(body.staff).toEqual([expect.objectContaining({ email: "owner@example.test", role: "admin" })]);

    // Live mode: an unknown API address, the simulator's included, is a JSON 404 for every method.
    for (const p of ["/api/no-such-route", "/api/sim/no-such-route"]) {
      for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"]) {
        const res = await fetch(`${server.url}${p}`, { method, redirect: "manual" });
        expect(res.status, `${method} ${p}`).toBe(404);
        expect(((await res.json()) as { error: { code: string } }).error.code, `${method} ${p}`).toBe("not_found");
      }
    }
  } finally {
    await server.stop();
  }
});
