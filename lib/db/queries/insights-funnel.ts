import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import { stepSpans, type ProgressFact } from "@/lib/sage/insights";
import { WIZARD_STEPS, type WizardStepKey } from "@/lib/sage/steps";
import type { SetupFlow } from "@/lib/sage/types";
import { flowIn, insightRows, type InsightParams } from "./insights-rows";

/** Where each fact is kept, for a company `f` of the `facts` set below. */
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
 * One row per setup and step of its flow: when it entered and left the step, whether it reached it
 * and whether it moved on. Reached means the step's entry fact or any later one is kept (a step reset
 * by support clears its own time, not the fact that the setup got further).
 */
function spansOf(flow: SetupFlow): SQL {
  const spans = stepSpans(flow);
  const facts = [...spans.map((s) => s.enteredBy), spans.at(-1)!.leftBy];
  const anyFrom = (i: number) => sql.join(facts.slice(i).map((f) => FACT_SQL[f]), sql`, `);
  const values = spans.map(
    (s, i) =>
      sql`(${s.step}::text, ${FACT_SQL[s.enteredBy]}, ${FACT_SQL[s.leftBy]}, coalesce(${anyFrom(i)}) is not null, coalesce(${anyFrom(i + 1)}) is not null)`,
  );
  return sql`select s.* from facts f cross join lateral (values ${sql.join(values, sql`, `)}) as s(step, entered_at, left_at, reached, moved_on) where f.flow = ${flow}`;
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
 * read from the companies, their progress row and their test pushes (the first passing one).
 */
export async function readFunnel(db: Db, params: InsightParams): Promise<FunnelStepRow[]> {
  // `times`: the median and the 90th percentile from one sort (null when no setup left the step).
  const rows = await insightRows<{ step: string; reached: number; moved_on: number; times: (number | string)[] | string | null }>(
    db,
    sql`with facts as (
      select c.id, c.flow, c.created_at, p.before_start_done_at, p.push_user_done_at, p.connector_linked_at, p.company_confirmed_at,
        passed.test_passed_at,
        case when c.push_enabled then c.push_enabled_at end as push_enabled_at
      from companies c left join setup_progress p on p.company_id = c.id
        left join (select tp.company_id, min(tp.completed_at) as test_passed_at from test_pushes tp where tp.status = 'success' group by tp.company_id) passed
          on passed.company_id = c.id
      where c.created_at >= ${params.from.toISOString()} and c.created_at < ${params.to.toISOString()}
        and ${flowIn(params.flows)}
    ), spans as (${sql.join(params.flows.map(spansOf), sql` union all `)})
    select step, count(*) filter (where reached)::int as reached, count(*) filter (where moved_on)::int as moved_on,
      percentile_cont(array[0.5, 0.9]) within group (order by extract(epoch from left_at - entered_at)::float8) filter (where left_at >= entered_at) as times
    from spans group by step`,
  );
  const byStep = new Map(rows.map((r) => [r.step, r]));
  return WIZARD_STEPS.filter((s) => byStep.has(s.key) || params.flows.some((f) => s.flows.includes(f))).map(({ key }) => {
    const r = byStep.get(key);
    const [median, p90] = secondsOf(r?.times ?? null);
    return { step: key, reached: Number(r?.reached ?? 0), movedOn: Number(r?.moved_on ?? 0), medianSeconds: median, p90Seconds: p90 };
  });
}

/** A float8[] as either driver gives it (an array, or its text form `{1,2}`), null for none. */
function secondsOf(times: (number | string)[] | string | null): [number | null, number | null] {
  if (times === null) return [null, null];
  const list = typeof times === "string" ? times.replace(/[{}]/g, "").split(",") : times;
  const [median, p90] = list.map((t) => (t === null || t === "NULL" ? null : Number(t)));
  return [median ?? null, p90 ?? null];
}
