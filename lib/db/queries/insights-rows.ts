import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import { SETUP_FLOWS, type SetupFlow } from "@/lib/sage/types";

/** What every insights query is asked: a period [from, to) and the flows it covers. */
export type InsightParams = { from: Date; to: Date; flows: SetupFlow[] };

/** Rows of a raw statement (both drivers answer `{ rows }`). */
export async function insightRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/**
 * A time's week, by its Monday (UTC): `weekStartOf` of lib/sage/insights.ts in SQL. Group by this and
 * select `weekText(…)` of it, so the text is made once per week rather than once per row.
 */
export function weekStart(column: SQL): SQL {
  return sql`date_trunc('week', ${column} at time zone 'UTC')`;
}

/** A week start as YYYY-MM-DD. */
export function weekText(week: SQL): SQL<string> {
  return sql<string>`to_char(${week}, 'YYYY-MM-DD')`;
}

/** `c.flow in (…)` for the chosen flows (nothing to check when both are chosen). */
export function flowIn(flows: readonly SetupFlow[]): SQL {
  if (SETUP_FLOWS.every((f) => flows.includes(f))) return sql`true`;
  return sql`c.flow in (${sql.join(flows.map((f) => sql`${f}`), sql`, `)})`;
}

/** Rows of another table whose company `companyId` is of the chosen flows (no join when both are). */
export function companyOfFlows(companyId: SQL, flows: readonly SetupFlow[]): SQL {
  if (SETUP_FLOWS.every((f) => flows.includes(f))) return sql`true`;
  return sql`${companyId} in (select c.id from companies c where ${flowIn(flows)})`;
}
