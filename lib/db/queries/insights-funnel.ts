import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import { stepSpans, type ProgressFact } from "@/lib/sage/insights";
import { WIZARD_STEPS, type WizardStepKey } from "@/lib/sage/steps";
import type { SetupFlow } from "@/lib/sage/types";
import { flowIn, insightRows, type InsightParams } from "./insights-rows";

/** Where each fact is kept, for a setup `f` of the set read below. */
const FACT_SQL: Record<ProgressFact, SQL> = {
  created: sql`f.created_at`,
  beforeStartDone: sql`f.before_start_done_at`,
  pushUserDone: sql`f.push_user_done_at`,
  connectorLinked: sql`f.connector_linked_at`,
  companyConfirmed: sql`f.company_confirmed_at`,
  testPassed: sql`f.test_passed_at`,
  pushEnabled: sql`f.push_enabled_at`,
};

/**
 * For one step, over every setup of the chosen flows that has it: whether the setup reached it (its
 * entry fact or any later one is kept: a step reset by support clears its own time, not the fact that
 * the setup got further), whether it moved on, and the time it spent there (both facts kept, in order).
 * Written per flow as CASE on `f.flow`, so the whole funnel is one pass over the setups.
 */
function stepAggregates(step: WizardStepKey, flows: readonly SetupFlow[], i: number): SQL {
  const parts = flows.flatMap((flow) => {
    const spans = stepSpans(flow);
    const k = spans.findIndex((s) => s.step === step);
    if (k < 0) return [];
    const facts = [...spans.map((s) => s.enteredBy), spans.at(-1)!.leftBy];
    const anyFrom = (j: number) => sql`coalesce(${sql.join(facts.slice(j).map((f) => FACT_SQL[f]), sql`, `)}) is not null`;
    const span = spans[k]!;
    return [{ flow, reached: anyFrom(k), moved: anyFrom(k + 1), entered: FACT_SQL[span.enteredBy], left: FACT_SQL[span.leftBy] }];
  });
  const byFlow = (pick: (p: (typeof parts)[number]) => SQL, otherwise: SQL) =>
    sql`(case ${sql.join(parts.map((p) => sql`when f.flow = ${p.flow} then ${pick(p)}`), sql` `)} else ${otherwise} end)`;
  const seconds = byFlow((p) => sql`case when ${p.left} >= ${p.entered} then extract(epoch from ${p.left} - ${p.entered})::float8 end`, sql`null`);
  return sql`count(*) filter (where ${byFlow((p) => p.reached, sql`false`)})::int as ${sql.raw(`reached_${i}`)},
    count(*) filter (where ${byFlow((p) => p.moved, sql`false`)})::int as ${sql.raw(`moved_${i}`)},
    percentile_cont(array[0.5, 0.9]) within group (order by ${seconds}) filter (where ${seconds} is not null) as ${sql.raw(`times_${i}`)}`;
}

export type FunnelStepRow = {
  step: WizardStepKey;
  reached: number;
  movedOn: number;
  /** Time spent in the step by the setups that left it, in seconds (null when none did). */
  medianSeconds: number | null;
  p90Seconds: number | null;
};

/**
 * The funnel of the setups created in the period (of the chosen flows): per step, how many reached
 * it, how many moved on, and the median and 90th percentile of the time spent in it. One statement,
 * one pass over the companies, their progress row and their first passing test push.
 */
export async function readFunnel(db: Db, params: InsightParams): Promise<FunnelStepRow[]> {
  const steps = WIZARD_STEPS.filter((s) => params.flows.some((f) => s.flows.includes(f))).map((s) => s.key);
  // `times_i`: the median and the 90th percentile from one sort (null when no setup left the step).
  const [row] = await insightRows<Record<string, number | string | (number | string)[] | null>>(
    db,
    sql`select ${sql.join(
      steps.map((step, i) => stepAggregates(step, params.flows, i)),
      sql`, `,
    )}
    from (
      select c.flow, c.created_at, p.before_start_done_at, p.push_user_done_at, p.connector_linked_at, p.company_confirmed_at,
        passed.test_passed_at,
        case when c.push_enabled then c.push_enabled_at end as push_enabled_at
      from companies c left join setup_progress p on p.company_id = c.id
        left join (select tp.company_id, min(tp.completed_at) as test_passed_at from test_pushes tp where tp.status = 'success' group by tp.company_id) passed
          on passed.company_id = c.id
      where c.created_at >= ${params.from.toISOString()} and c.created_at < ${params.to.toISOString()} and ${flowIn(params.flows)}
    ) f`,
  );
  return steps.map((step, i) => {
    const [median, p90] = secondsOf((row?.[`times_${i}`] ?? null) as (number | string)[] | string | null);
    return { step, reached: Number(row?.[`reached_${i}`] ?? 0), movedOn: Number(row?.[`moved_${i}`] ?? 0), medianSeconds: median, p90Seconds: p90 };
  });
}

/** A float8[] as either driver gives it (an array, or its text form `{1,2}`), null for none. */
function secondsOf(times: (number | string)[] | string | null): [number | null, number | null] {
  if (times === null) return [null, null];
  const list = typeof times === "string" ? times.replace(/[{}]/g, "").split(",") : times;
  const [median, p90] = list.map((t) => (t === null || t === "NULL" ? null : Number(t)));
  return [median ?? null, p90 ?? null];
}
