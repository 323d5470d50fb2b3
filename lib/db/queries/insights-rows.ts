import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import type { SetupFlow } from "@/lib/sage/types";

/** What every insights query is asked: a period [from, to) and the flows it covers. */
export type InsightParams = { from: Date; to: Date; flows: SetupFlow[] };

/** Rows of a raw statement (both drivers answer `{ rows }`). */
export async function insightRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** A time's week, by its Monday (UTC) as YYYY-MM-DD: `weekStartOf` of lib/sage/insights.ts in SQL. */
export function weekOf(column: SQL): SQL<string> {
  return sql<string>`to_char(date_trunc('week', ${column} at time zone 'UTC'), 'YYYY-MM-DD')`;
}

/** `c.flow in (…)` for the chosen flows. */
export function flowIn(flows: readonly SetupFlow[]): SQL {
  return sql`c.flow in (${sql.join(flows.map((f) => sql`${f}`), sql`, `)})`;
}
