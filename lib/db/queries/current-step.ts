import { sql, type SQL } from "drizzle-orm";
import type { WizardStepKey } from "@/lib/sage/steps";

/**
 * The step a setup is on, in SQL, for a company row `c`, its progress row `p` and its latest test
 * push `t` (joined by `c.latest_test_push_id`): `stepStates` of lib/sage/steps.ts written as one CASE,
 * the first step not done. A test push counts only on the connection the company has now, as in
 * lib/support/list-setups.ts. A setup with every step done is on its last step, as `currentStep` says.
 */
export const CURRENT_STEP_SQL: SQL<WizardStepKey> = sql<WizardStepKey>`(case
  when p.before_start_done_at is null then 'before-start'
  when p.push_user_done_at is null then 'push-user'
  when c.flow = 'new' and c.connection_status is distinct from 'Linked' then 'connector'
  when c.connection_status is distinct from 'Linked' or p.company_confirmed_at is null then 'credentials'
  when (t.status = 'success' and t.connection_id = c.codat_connection_id) is not true then 'test-push'
  else 'enable-push' end)`;

/** The joins `CURRENT_STEP_SQL` reads, after `from companies c`. */
export const CURRENT_STEP_JOINS: SQL = sql`left join setup_progress p on p.company_id = c.id
  left join test_pushes t on t.id = c.latest_test_push_id`;

/** Companies on one step, as a condition on `companies.id` (collected first, like the search). */
export function onStepCondition(step: WizardStepKey): SQL {
  return sql`"companies"."id" = any(array(select c.id from companies c ${CURRENT_STEP_JOINS} where ${CURRENT_STEP_SQL} = ${step}))`;
}
