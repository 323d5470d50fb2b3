import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openDb, type DbHandle } from "@/lib/db/client";
import { verifyStaffCredentials } from "@/lib/auth/verify-staff-credentials";
import { findStaffByEmail } from "@/lib/db/queries/staff";
import { parseStaffCreateArgs } from "./staff-create";
import { childProcessBasics } from "@/lib/env";

const root = path.resolve(import.meta.dirname, "../..");
const PASSWORD = "correct horse battery staple";

type Run = { code: number | null; stdout: string; stderr: string };

/** Runs `npm run staff:create` as an operator would (node + the script), the password piped in. */
function staffCreate(args: string[], env: Record<string, string>, stdin: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, "scripts/staff-create.mjs"), ...args], {
      cwd: tmpdir(),
      // As in production, and only what the test gives: no DATABASE_URL or DATA_DIR of the machine's own.
      env: { NODE_ENV: "production", ...childProcessBasics(), ...env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

describe("staff:create arguments", () => {
  it("needs an email and a known role", () => {
    expect(parseStaffCreateArgs(["--role", "admin"])).toMatchObject({ kind: "usage-error" });
    expect(parseStaffCreateArgs(["--email", "a@example.com"])).toMatchObject({ kind: "usage-error" });
    expect(parseStaffCreateArgs(["--email", "a@example.com", "--role", "owner"])).toMatchObject({ kind: "usage-error" });
    expect(parseStaffCreateArgs(["--email", "nope", "--role", "admin"])).toMatchObject({ kind: "usage-error" });
    expect(parseStaffCreateArgs(["--email", "a@example.com", "--role", "admin", "--password", "x"])).toMatchObject({ kind: "usage-error" });
    expect(parseStaffCreateArgs(["--help"])).toEqual({ kind: "help" });
  });

  it("lowercases the email and takes the name from it unless given", () => {
    expect(parseStaffCreateArgs(["--email", " Jo.Bloggs@Example.com", "--role", "support"])).toEqual({
      kind: "run",
      options: { email: "jo.bloggs@example.com", role: "support", name: "Jo.Bloggs", update: false },
    });
    expect(parseStaffCreateArgs(["--email", "j@example.com", "--role", "admin", "--name", "Jo Bloggs", "--update"])).toMatchObject({
      options: { name: "Jo Bloggs", update: true },
    });
  });
});

describe("npm run staff:create on a fresh PGlite data directory", () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), "staff-create-"));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  /** The app's database, opened as the app opens it, after the command has finished with it. */
  async function withAppDb<T>(read: (h: DbHandle) => Promise<T>): Promise<T> {
    const h = await openDb({ dataDir: path.join(dataDir, "pglite") });
    try {
      return await read(h);
    } finally {
      await h.close();
    }
  }

  it("creates the first admin, who can then sign in", { timeout: 90_000 }, async () => {
    const run = await staffCreate(["--email", "Owner@Example.com", "--role", "admin"], { DATA_DIR: dataDir }, `${PASSWORD}\n`);
    expect(run, run.stderr).toMatchObject({ code: 0 });
    expect(run.stdout).toContain("Created admin account owner@example.com");
    expect(run.stdout + run.stderr).not.toContain(PASSWORD);
    const user = await withAppDb((h) => verifyStaffCredentials(h.db, { email: "owner@example.com", password: PASSWORD, ip: "127.0.0.1" }));
    expect(user).toMatchObject({ email: "owner@example.com", role: "admin", active: true });
  });

  it("run again for the same email: says it exists, exits 0, changes nothing", { timeout: 60_000 }, async () => {
    const run = await staffCreate(["--email", "owner@example.com", "--role", "support"], { DATA_DIR: dataDir }, "another long passphrase\n");
    expect(run, run.stderr).toMatchObject({ code: 0 });
    expect(run.stdout).toContain("already exists");
    const user = await withAppDb((h) => findStaffByEmail(h.db, "owner@example.com"));
    expect(user?.role).toBe("admin");
  });

  it("refuses a weak password (exit 1) and creates nothing", { timeout: 60_000 }, async () => {
    const run = await staffCreate(["--email", "weak@example.com", "--role", "support"], { DATA_DIR: dataDir }, "password\n");
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("Use at least 12 characters.");
    expect(await withAppDb((h) => findStaffByEmail(h.db, "weak@example.com"))).toBeNull();
  });

  it("with --update, sets the role and the new password", { timeout: 60_000 }, async () => {
    const run = await staffCreate(["--email", "owner@example.com", "--role", "support", "--update"], { DATA_DIR: dataDir }, "another long passphrase\n");
    expect(run, run.stderr).toMatchObject({ code: 0 });
    const user = await withAppDb((h) => verifyStaffCredentials(h.db, { email: "owner@example.com", password: "another long passphrase", ip: "127.0.0.1" }));
    expect(user?.role).toBe("support");
  });

  it("answers wrong arguments with the usage and exit 2, before opening anything", async () => {
    const run = await staffCreate(["--email", "x@example.com", "--role", "owner"], { DATA_DIR: path.join(dataDir, "never") }, "");
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Usage: npm run staff:create");
  });
});

describe("npm run staff:create on PostgreSQL", () => {
  const admin = inject("postgresAdminUrl");
  const name = `${inject("testDbPrefix")}cli_${Date.now().toString(36)}`;
  const url = admin ? Object.assign(new URL(admin), { pathname: `/${name}` }).toString() : "";

  beforeAll(async () => {
    if (!admin) return;
    const { Client } = await import("pg");
    const c = new Client({ connectionString: admin });
    await c.connect();
    await c.query(`create database ${name}`);
    await c.end();
  });
  afterAll(async () => {
    if (!admin) return;
    const { Client } = await import("pg");
    const c = new Client({ connectionString: admin });
    await c.connect();
    await c.query(`drop database if exists ${name} with (force)`);
    await c.end();
  });

  it.skipIf(!admin)("migrates an empty database and creates the account there", { timeout: 60_000 }, async () => {
    const run = await staffCreate(["--email", "pg-admin@example.com", "--role", "admin"], { DATABASE_URL: url }, `${PASSWORD}\n`);
    expect(run, run.stderr).toMatchObject({ code: 0 });
    expect(run.stdout).toContain("(postgres)");
    const h = await openDb({ url });
    try {
      expect(await verifyStaffCredentials(h.db, { email: "pg-admin@example.com", password: PASSWORD, ip: "127.0.0.1" })).toMatchObject({ role: "admin" });
    } finally {
      await h.close();
    }
  });
});
