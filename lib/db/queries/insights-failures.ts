import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import { sqlLiterals } from "../schema/sql-lists";
import { FAILING_TEST_PUSH_STATUSES } from "@/lib/sage/test-push-status";
import type { WeekCauseCount } from "@/lib/sage/insights";
import { companyOfFlows, insightRows, weekStart, weekText, type InsightParams } from "./insights-rows";

/** A failure kept without a diagnosis code. */
export const UNDIAGNOSED = "undiagnosed";

type Row = { week: string; cause: string; n: number };
const toCounts = (rows: Row[]): WeekCauseCount[] => rows.map((r) => ({ week: r.week, cause: r.cause, count: Number(r.n) }));

/** Rows of `table` in the period by week (of `at`) and cause, counted. */
function byWeekAndCause(from: SQL, at: SQL, cause: SQL, where: SQL): SQL {
  const week = weekStart(at);
  return sql`select ${weekText(week)} as week, coalesce(${cause}, ${UNDIAGNOSED}) as cause, count(*)::int as n
    from ${from} where ${where} group by ${week}, 2`;
}

/** Test pushes that ended failing in the period, by the week they ended and their diagnosis code. */
export async function readTestPushFailures(db: Db, params: InsightParams): Promise<WeekCauseCount[]> {
  return toCounts(
    await insightRows<Row>(
      db,
      byWeekAndCause(
        sql`test_pushes t`,
        sql`t.completed_at`,
        sql`t.diagnosis_code`,
        sql`t.status in (${sqlLiterals(FAILING_TEST_PUSH_STATUSES)}) and t.completed_at >= ${params.from.toISOString()} and t.completed_at < ${params.to.toISOString()}
          and ${companyOfFlows(sql`t.company_id`, params.flows)}`,
      ),
    ),
  );
}

/** Test pushes that passed in the period (for the pass rate beside the failures). */
export async function countTestPushesPassed(db: Db, params: InsightParams): Promise<number> {
  const [row] = await insightRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from test_pushes t
      where t.status = 'success' and t.completed_at >= ${params.from.toISOString()} and t.completed_at < ${params.to.toISOString()}
        and ${companyOfFlows(sql`t.company_id`, params.flows)}`,
  );
  return Number(row?.n ?? 0);
}

/**
 * Real writes that failed in the period: by cause from the failures push health keeps with their
 * diagnosis (`push_writes`, the newest per company, by when they were recorded), and the week's full
 * count from the daily counts (`push_write_days`), so the caller can show the failures counted but no
 * longer kept.
 */
export async function readWriteFailures(db: Db, params: InsightParams): Promise<{ kept: WeekCauseCount[]; totals: Map<string, number> }> {
  const day = weekStart(sql`d.day::timestamp at time zone 'UTC'`);
  const [kept, totals] = await Promise.all([
    insightRows<Row>(
      db,
      byWeekAndCause(
        sql`push_writes w`,
        sql`w.recorded_at`,
        sql`w.diagnosis_code`,
        sql`w.outcome = 'failed' and w.recorded_at >= ${params.from.toISOString()} and w.recorded_at < ${params.to.toISOString()}
          and ${companyOfFlows(sql`w.company_id`, params.flows)}`,
      ),
    ),
    insightRows<{ week: string; n: number }>(
      db,
      sql`select ${weekText(day)} as week, sum(d.failed)::int as n from push_write_days d
      where d.failed > 0 and d.day >= ${params.from.toISOString().slice(0, 10)}::date and d.day <= ${params.to.toISOString().slice(0, 10)}::date
        and ${companyOfFlows(sql`d.company_id`, params.flows)}
      group by ${day}`,
    ),
  ]);
  return { kept: toCounts(kept), totals: new Map(totals.map((r) => [r.week, Number(r.n)])) };
}
