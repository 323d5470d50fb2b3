import { randomBytes } from "node:crypto";
import { inject } from "vitest";
import { openDb, type DbHandle } from "../client";

declare module "vitest" {
  export interface ProvidedContext {
    /** Where to look for the local PostgreSQL (vitest.config.ts; TEST_POSTGRES_URL overrides it). */
    testPostgresUrl: string;
    /** The same, once it answered; null when it did not. */
    postgresAdminUrl: string | null;
    testDbPrefix: string;
  }
}

export type TestDatabase = { name: "pglite" | "postgres"; open: () => Promise<DbHandle> };

/**
 * The databases every data test runs against: an in-memory PGlite always, and a throwaway database
 * on the local PostgreSQL when one answers (created per call, dropped on close).
 */
export function testDatabases(): TestDatabase[] {
  const admin = inject("postgresAdminUrl");
  const list: TestDatabase[] = [{ name: "pglite", open: () => openDb({ dataDir: "memory" }) }];
  const prefix = inject("testDbPrefix");
  if (admin) list.push({ name: "postgres", open: () => openThrowawayPostgres(admin, prefix) });
  return list;
}

export const TEST_DB_PREFIX = "pushsetup_test_";

export async function openThrowawayPostgres(adminUrl: string, prefix = TEST_DB_PREFIX): Promise<DbHandle> {
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
    close: async () => {
      await handle.close();
      const c = new Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
