import { getTableName, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Db } from "../client";

/** The message of the error a failing write raises (a PostgreSQL exception, as from any real failure). */
const INJECTED_FAILURE = "injected write failure";

type WriteKind = "insert" | "update" | "delete";

/**
 * Test-only: while `run` runs, the database refuses writes of one kind to one table (only rows for
 * which `when` holds, an SQL condition on `new` or `old`, when given). The refusal is a trigger, so it
 * strikes between a service's writes whatever query or handle made them (the `db` or a transaction),
 * on PGlite and PostgreSQL alike; a service that writes in one transaction must leave nothing behind.
 */
export async function withFailingWrite<T>(
  db: Db,
  target: { table: PgTable; on: WriteKind; when?: string },
  run: () => Promise<T>,
): Promise<T> {
  const table = sql.identifier(getTableName(target.table));
  await db.execute(
    sql.raw(
      `create or replace function injected_write_failure() returns trigger language plpgsql as $$ ` +
        `begin raise exception '${INJECTED_FAILURE}'; end $$`,
    ),
  );
  const when = target.when ? sql.raw(` when (${target.when})`) : sql``;
  await db.execute(
    sql`create trigger injected_write_failure before ${sql.raw(target.on)} on ${table} for each row${when} execute function injected_write_failure()`,
  );
  try {
    return await run();
  } finally {
    await db.execute(sql`drop trigger if exists injected_write_failure on ${table}`);
  }
}

/** Whether an error is (or was caused by) the injected failure; drizzle wraps driver errors. */
export function isInjectedFailure(err: unknown): boolean {
  for (let e: unknown = err; e instanceof Error; e = e.cause) {
    if (e.message.includes(INJECTED_FAILURE)) return true;
  }
  return false;
}
