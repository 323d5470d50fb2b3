// A throwaway database on the local PostgreSQL for the bench's two-instance measurement
// (TEST_POSTGRES_URL, as for the data tests, else postgres@127.0.0.1:5432), dropped afterwards.
import pg from "pg";

export async function withBenchDatabase(runId, fn) {
  const adminUrl = process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const name = `bench_live_${runId.replace(/[^a-z0-9]/g, "")}`;
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3_000 });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return await fn(url.toString());
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`).catch(() => undefined);
    await admin.end();
  }
}
