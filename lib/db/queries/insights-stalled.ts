import { sql } from "drizzle-orm";
import type { Db } from "../client";
import type { WizardStepKey } from "@/lib/sage/steps";
import type { SetupFlow } from "@/lib/sage/types";
import { CURRENT_STEP_JOINS, CURRENT_STEP_SQL } from "./current-step";
import { flowIn, insightRows } from "./insights-rows";

/**
 * Stalled setups by the step they are on: push off and nothing happened since `quietSince` (the
 * support list's "stuck" filter, so each count links to that list filtered to its step).
 */
export async function readStalledByStep(db: Db, params: { quietSince: Date; flows: SetupFlow[] }): Promise<Map<WizardStepKey, number>> {
  const rows = await insightRows<{ step: WizardStepKey; n: number }>(
    db,
    sql`select step, count(*)::int as n from (
      select ${CURRENT_STEP_SQL} as step from companies c ${CURRENT_STEP_JOINS}
      where c.push_enabled = false and c.last_activity_at <= ${params.quietSince.toISOString()} and ${flowIn(params.flows)}
    ) s group by step`,
  );
  return new Map(rows.map((r) => [r.step, Number(r.n)]));
}
