import { randomBytes } from "node:crypto";
import { describe, inject } from "vitest";
import { openDb, type DbHandle } from "../client";

declare module "vitest" {
  export interface ProvidedContext {
    /** Where to look for the local PostgreSQL (vitest.config.ts; TEST_POSTGRES_URL overrides it). */
    testPostgresUrl: string;
    /** The same, once it answered; null when it did not. */
    postgresAdminUrl: string | null;
    testDbPrefix: string;
    /** True under CI: a PostgreSQL that does not answer fails the run instead of being skipped. */
    requirePostgres: boolean;
  }
}

export type TestDatabase = {
  name: "pglite" | "postgres";
  /** False when no PostgreSQL answered: that half is reported as skipped, never silently dropped. */
  available: boolean;
  open: () => Promise<TestDbHandle>;
};

/** A test database; on PostgreSQL, `openAnother` opens a second app client on it, as another instance would. */
export type TestDbHandle = DbHandle & { openAnother?: () => Promise<DbHandle> };

/**
 * The databases every data test runs against: an in-memory PGlite always, and a throwaway database
 * on the local PostgreSQL (created per call, dropped on close), marked unavailable when none answered.
 */
function testDatabases(): TestDatabase[] {
  const admin = inject("postgresAdminUrl");
  const prefix = inject("testDbPrefix");
  return [
    { name: "pglite", available: true, open: () => openDb({ dataDir: "memory" }) },
    {
      name: "postgres",
      available: admin !== null,
      open: () => {
        if (!admin) throw new Error("No PostgreSQL answered: this suite should have been skipped");
        return openThrowawayPostgres(admin, prefix);
      },
    },
  ];
}

/**
 * One suite per database, `$name` in the title replaced by the database's name. Without a local
 * PostgreSQL its suite is still collected, as skipped tests, so the run's summary shows what was not
 * checked (and under CI the global set-up fails the run before it gets here).
 */
export function describeEachDatabase(title: string, body: (database: TestDatabase) => void): void {
  for (const database of testDatabases()) {
    const suite = database.available ? describe : describe.skip;
    suite(title.replaceAll("$name", database.name), () => body(database));
  }
}

export const TEST_DB_PREFIX = "pushsetup_test_";

async function openThrowawayPostgres(adminUrl: string, prefix = TEST_DB_PREFIX): Promise<TestDbHandle> {
  const { Client } = await import("pg");
  const name = `${prefix}${randomBytes(6).toString("hex")}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await openDb({ url: url.toString() });
  return {
    ...handle,
    openAnother: () => openDb({ url: url.toString() }),
    close: async () => {
      await handle.close();
      const c = new Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
