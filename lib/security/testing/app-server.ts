import { spawn, type ChildProcess } from "node:child_process";
import { appendFileSync, mkdirSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { runningUnderCi } from "@/lib/env";

/**
 * Test support for process-level tests (Playwright specs): real `next start` processes of the
 * production build, with their output captured, killed with any signal and started again; and
 * throwaway PostgreSQL databases they share, dumped table by table for secret scans.
 * The caller passes the environment in (this module reads none).
 */

export type AppServer = {
  name: string;
  url: string;
  port: number;
  /** Everything the process printed (stdout and stderr, every start). */
  logs: () => string;
  /** Starts (again) and waits until /api/health answers. */
  start: () => Promise<void>;
  /** Signals the whole process group and waits for it to exit. */
  stop: (signal?: NodeJS.Signals) => Promise<void>;
};

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      const port = typeof address === "object" && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export async function createAppServer(opts: {
  name: string;
  root: string;
  port: number;
  env: NodeJS.ProcessEnv;
  logDir?: string;
}): Promise<AppServer> {
  const url = `http://127.0.0.1:${opts.port}`;
  const chunks: string[] = [];
  const logFile = opts.logDir ? path.join(opts.logDir, `${opts.name}.log`) : null;
  if (opts.logDir) mkdirSync(opts.logDir, { recursive: true });
  let child: ChildProcess | null = null;
  let exited: Promise<void> = Promise.resolve();

  const capture = (data: Buffer) => {
    const text = data.toString("utf8");
    chunks.push(text);
    if (logFile) appendFileSync(logFile, text);
  };

  async function start() {
    if (child) throw new Error(`${opts.name} is already running`);
    const proc = spawn(path.join(opts.root, "node_modules", ".bin", "next"), ["start", "-p", String(opts.port), "-H", "127.0.0.1"], {
      cwd: opts.root,
      env: { ...opts.env, PORT: String(opts.port), APP_URL: opts.env.APP_URL ?? url, NEXT_TELEMETRY_DISABLED: "1" },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    child = proc;
    proc.stdout?.on("data", capture);
    proc.stderr?.on("data", capture);
    exited = new Promise((resolve) => proc.once("exit", () => resolve()));
    void exited.then(() => {
      if (child === proc) child = null;
    });
    const deadline = Date.now() + 90_000;
    for (;;) {
      if (child !== proc) throw new Error(`${opts.name} exited while starting:\n${chunks.join("").slice(-3000)}`);
      try {
        const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2000) });
        if (res.status === 200) return;
      } catch {
        /* not listening yet */
      }
      if (Date.now() > deadline) throw new Error(`${opts.name} did not answer /api/health:\n${chunks.join("").slice(-3000)}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  async function stop(signal: NodeJS.Signals = "SIGTERM") {
    const proc = child;
    if (!proc?.pid) return;
    try {
      process.kill(-proc.pid, signal);
    } catch {
      /* already gone */
    }
    const timer = setTimeout(() => {
      try {
        if (proc.pid) process.kill(-proc.pid, "SIGKILL");
      } catch {
        /* already gone */
      }
    }, 10_000);
    await exited;
    clearTimeout(timer);
    child = null;
    // The port must be free before a restart binds it again.
    for (let i = 0; i < 40 && !(await portIsFree(opts.port)); i++) await new Promise((r) => setTimeout(r, 100));
  }

  return { name: opts.name, url, port: opts.port, logs: () => chunks.join(""), start, stop };
}

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.once("error", () => resolve(false));
    srv.listen(port, "127.0.0.1", () => srv.close(() => resolve(true)));
  });
}

export type ThrowawayDatabase = {
  url: string;
  query: <R extends Record<string, unknown>>(text: string, params?: unknown[]) => Promise<R[]>;
  /** Every row of every table, as JSON text: what a secret scan reads. */
  dump: () => Promise<string>;
  drop: () => Promise<void>;
};

/** A new database on the local PostgreSQL (null when none answers; under CI, an error). */
export async function createThrowawayDatabase(adminUrl: string, prefix = "pushsetup_proc_"): Promise<ThrowawayDatabase | null> {
  const { Client } = await import("pg");
  const admin = new Client({ connectionString: adminUrl, connectionTimeoutMillis: 2000 });
  try {
    await admin.connect();
  } catch (err) {
    // Specs skip their PostgreSQL tests on null (reported as skipped); under CI that would hide them.
    if (runningUnderCi()) throw new Error(`No PostgreSQL answered at ${new URL(adminUrl).host}, and CI requires it.`, { cause: err });
    return null;
  }
  const name = `${prefix}${randomBytes(5).toString("hex")}`;
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;

  async function withClient<T>(fn: (c: InstanceType<typeof Client>) => Promise<T>): Promise<T> {
    const c = new Client({ connectionString: url.toString() });
    await c.connect();
    try {
      return await fn(c);
    } finally {
      await c.end();
    }
  }

  return {
    url: url.toString(),
    query: (text, params) => withClient(async (c) => (await c.query(text, params)).rows),
    dump: () =>
      withClient(async (c) => {
        const tables = await c.query<{ schema: string; name: string }>(
          `select table_schema as schema, table_name as name from information_schema.tables
           where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')`,
        );
        const parts: string[] = [];
        for (const t of tables.rows) {
          const rows = await c.query<{ row: string }>(`select row_to_json(x)::text as row from "${t.schema}"."${t.name}" x`);
          parts.push(`## ${t.schema}.${t.name}\n${rows.rows.map((r) => r.row).join("\n")}`);
        }
        return parts.join("\n");
      }),
    drop: async () => {
      const c = new Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** The environment two instances of one deployment share (secrets, database), each with its own URL. */
export function sharedDeploymentEnv(base: NodeJS.ProcessEnv, databaseUrl: string, dataDir: string): NodeJS.ProcessEnv {
  return {
    ...base,
    NODE_ENV: "production",
    DEMO: "1",
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    CODAT_WEBHOOK_SECRET: `whsec_${randomBytes(24).toString("base64")}`,
    SIMULATOR_API_KEY: `sim_${randomBytes(12).toString("hex")}`,
    CODAT_API_KEY: undefined,
  };
}
