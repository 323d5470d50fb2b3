import { randomBytes } from "node:crypto";
import type { TestProject } from "vitest/node";
import { TEST_DB_PREFIX } from "./test-databases";

/** Finds the local PostgreSQL for data tests, and drops what a run left behind. */
export default async function setup(project: TestProject) {
  // Each run drops only its own databases, so runs side by side never pull one from under another.
  const runPrefix = `${TEST_DB_PREFIX}${randomBytes(3).toString("hex")}_`;
  project.provide("testDbPrefix", runPrefix);
  const url = project.getProvidedContext().testPostgresUrl;
  const { Client } = await import("pg");
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query("select 1");
    await client.end();
    project.provide("postgresAdminUrl", url);
    console.log(`Data tests: PGlite and PostgreSQL (${new URL(url).host}).`);
  } catch (err) {
    project.provide("postgresAdminUrl", null);
    const host = new URL(url).host;
    if (project.getProvidedContext().requirePostgres) {
      // Under CI a data test that lost its PostgreSQL half would pass having checked half of it.
      throw new Error(`Data tests: no PostgreSQL answered at ${host}, and CI requires it.`, { cause: err });
    }
    console.log(`Data tests: PGlite only. No PostgreSQL answered at ${host}: the PostgreSQL suites are reported as skipped.`);
    return;
  }
  return async () => {
    const c = new Client({ connectionString: url });
    await c.connect();
    const { rows } = await c.query<{ datname: string }>("select datname from pg_database where datname like $1", [`${runPrefix}%`]);
    for (const r of rows) await c.query(`drop database if exists ${r.datname} with (force)`);
    await c.end();
  };
}
