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
import * as embed from "./schema/embed";

const schema = { ...staff, ...companies, ...progress, ...testPushes, ...events, ...email, ...pushHealth, ...embed };
type Schema = typeof schema;
/** One type for both drivers: PGlite (embedded) and node-postgres. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export type DbHandle = { db: Db; kind: "pglite" | "postgres"; close: () => Promise<void> };

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
    return { db: db as unknown as Db, kind: "postgres", close: () => pool.end() };
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
  return { db: db as unknown as Db, kind: "pglite", close: () => client.close() };
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
