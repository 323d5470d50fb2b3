import path from "node:path";
import { mkdirSync } from "node:fs";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type { DbEnv } from "../env";
import * as staff from "./schema/staff";
import * as companies from "./schema/companies";
import * as progress from "./schema/progress";
import * as testPushes from "./schema/test-pushes";
import * as events from "./schema/events";
import * as email from "./schema/email";
import * as pushHealth from "./schema/push-health";
import * as webhooks from "./schema/webhooks";
import * as embed from "./schema/embed";
import * as scheduler from "./schema/scheduler";

const schema = { ...staff, ...companies, ...progress, ...testPushes, ...events, ...email, ...pushHealth, ...webhooks, ...embed, ...scheduler };
type Schema = typeof schema;
/** One type for both drivers: PGlite (embedded) and node-postgres. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

/**
 * Notifications on one channel: `onPayload` for each NOTIFY, `onGap` when some may have been missed
 * (PostgreSQL: the listening connection was lost and made again). Resolves to a stop function.
 */
export type Listen = (channel: string, onPayload: (payload: string) => void, onGap?: () => void) => Promise<() => Promise<void>>;

export type DbHandle = { db: Db; kind: "pglite" | "postgres"; close: () => Promise<void>; listen: Listen };

const MIGRATIONS = path.join(process.cwd(), "drizzle");
/** Any constant: serialises migrations when several instances share one PostgreSQL. */
const MIGRATION_LOCK = 7_150_050;

/** Opens a database: PostgreSQL when a URL is given, else PGlite at `dataDir` ("memory" for tests). */
export async function openDb(opts: { url?: string; dataDir?: string }): Promise<DbHandle> {
  if (opts.url) {
    const { Pool } = await import("pg");
    const { drizzle } = await import("drizzle-orm/node-postgres");
    const { migrate } = await import("drizzle-orm/node-postgres/migrator");
    const pool = new Pool({ connectionString: opts.url, max: 10 });
    // An idle connection closed by the server (restart, dropped database) must not crash the process;
    // the pool replaces it on next use.
    pool.on("error", () => undefined);
    const db = drizzle(pool, { schema });
    const lockClient = await pool.connect();
    try {
      await lockClient.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
      await migrate(db, { migrationsFolder: MIGRATIONS });
    } finally {
      await lockClient.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => undefined);
      lockClient.release();
    }
    const url = opts.url;
    return { db: db as unknown as Db, kind: "postgres", close: () => pool.end(), listen: (...args) => listenOnPostgres(url, ...args) };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  const dir = opts.dataDir ?? "memory";
  if (dir !== "memory") mkdirSync(dir, { recursive: true });
  const client = dir === "memory" ? new PGlite() : new PGlite(dir);
  await client.waitReady;
  const db = drizzle(client, { schema });
  await migrate(db, { migrationsFolder: MIGRATIONS });
  const listen: Listen = async (channel, onPayload) => {
    const stop = await client.listen(channel, onPayload);
    return () => stop();
  };
  return { db: db as unknown as Db, kind: "pglite", close: () => client.close(), listen };
}

const RELISTEN_MS = 1_000;

/**
 * One connection of its own (not the pool's) that only listens; when it is lost it is made again
 * after a second, and `onGap` says notifications may have been missed meanwhile.
 */
async function listenOnPostgres(url: string, channel: string, onPayload: (payload: string) => void, onGap?: () => void) {
  const { Client } = await import("pg");
  let stopped = false;
  let current: InstanceType<typeof Client> | null = null;
  let retry: NodeJS.Timeout | undefined;
  const connect = async (isRetry: boolean) => {
    const client = new Client({ connectionString: url });
    const lost = () => {
      if (current !== client) return;
      current = null;
      client.end().catch(() => undefined);
      if (!stopped) retry = setTimeout(() => void connect(true), RELISTEN_MS);
    };
    client.on("error", lost);
    client.on("end", lost);
    client.on("notification", (n) => {
      if (n.channel === channel) onPayload(n.payload ?? "");
    });
    current = client;
    try {
      await client.connect();
      await client.query(`LISTEN "${channel.replaceAll('"', '""')}"`);
      if (isRetry) onGap?.();
    } catch (err) {
      if (!isRetry) {
        current = null;
        await client.end().catch(() => undefined);
        throw err;
      }
      lost();
    }
  };
  await connect(false);
  return async () => {
    stopped = true;
    clearTimeout(retry);
    const client = current;
    current = null;
    await client?.end().catch(() => undefined);
  };
}

/** The app's database: the PostgreSQL at DATABASE_URL, else PGlite in DATA_DIR/pglite. */
export function appDbLocation(env: DbEnv): { url?: string; dataDir: string } {
  return { url: env.DATABASE_URL, dataDir: path.join(env.DATA_DIR, "pglite") };
}

type Holder = { handle?: Promise<DbHandle> };
const holder = globalThis as typeof globalThis & { __pushSetupDb?: Holder };

/** The app's database, opened and migrated once per process. */
export async function getDb(): Promise<Db> {
  return (await getDbHandle()).db;
}

export function getDbHandle(): Promise<DbHandle> {
  const h = (holder.__pushSetupDb ??= {});
  if (!h.handle) {
    h.handle = (async () => {
      const { getEnv } = await import("../env");
      return openDb(appDbLocation(getEnv()));
    })();
    h.handle.catch(() => {
      h.handle = undefined;
    });
  }
  return h.handle;
}
