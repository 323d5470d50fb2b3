import { sql } from "drizzle-orm";
import type { Db } from "../client";
import { sqlLiterals } from "../schema/sql-lists";
import { FAILING_TEST_PUSH_STATUSES } from "@/lib/sage/test-push-status";
import type { WeekCauseCount } from "@/lib/sage/insights";
import { flowIn, insightRows, weekOf, type InsightParams } from "./insights-rows";

/** A failure kept without a diagnosis code. */
export const UNDIAGNOSED = "undiagnosed";

type Row = { week: string; cause: string; n: number };
const toCounts = (rows: Row[]): WeekCauseCount[] => rows.map((r) => ({ week: r.week, cause: r.cause, count: Number(r.n) }));

/** Test pushes that ended failing in the period, by the week they ended and their diagnosis code. */
export async function readTestPushFailures(db: Db, params: InsightParams): Promise<WeekCauseCount[]> {
  return toCounts(
    await insightRows<Row>(
      db,
      sql`select ${weekOf(sql`t.completed_at`)} as week, coalesce(t.diagnosis_code, ${UNDIAGNOSED}) as cause, count(*)::int as n
      from test_pushes t join companies c on c.id = t.company_id
      where t.status in (${sqlLiterals(FAILING_TEST_PUSH_STATUSES)}) and t.completed_at >= ${params.from.toISOString()} and t.completed_at < ${params.to.toISOString()}
        and ${flowIn(params.flows)}
      group by 1, 2`,
    ),
  );
}

/** Test pushes that passed in the period (for the pass rate beside the failures). */
export async function countTestPushesPassed(db: Db, params: InsightParams): Promise<number> {
  const [row] = await insightRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from test_pushes t join companies c on c.id = t.company_id
      where t.status = 'success' and t.completed_at >= ${params.from.toISOString()} and t.completed_at < ${params.to.toISOString()} and ${flowIn(params.flows)}`,
  );
  return Number(row?.n ?? 0);
}

/**
 * Real writes that failed in the period: by cause from the failures push health keeps with their
 * diagnosis (`push_writes`, the newest per company), and the week's full count from the daily counts
 * (`push_write_days`), so the caller can show the failures counted but no longer kept.
 */
export async function readWriteFailures(db: Db, params: InsightParams): Promise<{ kept: WeekCauseCount[]; totals: Map<string, number> }> {
  const [kept, totals] = await Promise.all([
    insightRows<Row>(
      db,
      sql`select ${weekOf(sql`coalesce(w.completed_at, w.recorded_at)`)} as week, coalesce(w.diagnosis_code, ${UNDIAGNOSED}) as cause, count(*)::int as n
      from push_writes w join companies c on c.id = w.company_id
      where w.outcome = 'failed' and coalesce(w.completed_at, w.recorded_at) >= ${params.from.toISOString()}
        and coalesce(w.completed_at, w.recorded_at) < ${params.to.toISOString()} and ${flowIn(params.flows)}
      group by 1, 2`,
    ),
    insightRows<{ week: string; n: number }>(
      db,
      sql`select ${weekOf(sql`d.day::timestamp at time zone 'UTC'`)} as week, sum(d.failed)::int as n
      from push_write_days d join companies c on c.id = d.company_id
      where d.day >= ${params.from.toISOString().slice(0, 10)}::date and d.day <= ${params.to.toISOString().slice(0, 10)}::date and ${flowIn(params.flows)}
      group by 1`,
    ),
  ]);
  return { kept: toCounts(kept), totals: new Map(totals.map((r) => [r.week, Number(r.n)])) };
}
