import type { Db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { actorRef, type StaffActor } from "@/lib/auth/actor";
import { recordEvent } from "@/lib/db/queries/events";
import {
  clearProgressColumns,
  findProgress,
  lockCompanyPushState,
  type ResettableProgressColumn,
  type SupportProgressRow,
} from "@/lib/db/queries/support-progress";
import { findStep, type WizardStepKey } from "@/lib/sage/steps";

const PUSH_USER: ResettableProgressColumn[] = ["pushUsername", "everydayUsernames", "pushUserDoneAt"];
const CREDENTIALS: ResettableProgressColumn[] = ["credentialsChangedAt", "companyConfirmedAt", "confirmedCompanyName"];
const ENABLE_PUSH: ResettableProgressColumn[] = ["foreignTraderConfirmedAt"];

/**
 * What resetting each step clears: the step's own answers and those of every later step that
 * depends on them. Two steps are not saved answers, so they cannot be reset: the connector step is
 * done while Codat reports the connection Linked, and a test push is history (run a new one).
 */
const RESET_PLAN: Record<WizardStepKey, { columns: ResettableProgressColumn[] } | { refusal: string }> = {
  "before-start": { columns: ["beforeStartDoneAt", ...PUSH_USER, ...CREDENTIALS, ...ENABLE_PUSH] },
  "push-user": { columns: [...PUSH_USER, ...CREDENTIALS, ...ENABLE_PUSH] },
  connector: {
    refusal:
      "The connector step follows the connection's status at Codat: it is done while the connector is linked. " +
      "To have the client enter the push user's login again, reset “Give the connector the push user's login”.",
  },
  credentials: { columns: [...CREDENTIALS, ...ENABLE_PUSH] },
  "test-push": { refusal: "A test push is a record of what happened, not a saved answer: run a new test push instead." },
  "enable-push": { columns: ENABLE_PUSH },
};

/** The columns a reset of `step` would actually clear now (empty: nothing to reset, or not resettable). */
export function columnsToReset(progress: SupportProgressRow | null, step: WizardStepKey): ResettableProgressColumn[] {
  const plan = RESET_PLAN[step];
  return "columns" in plan ? plan.columns.filter((column) => hasValue(progress, column)) : [];
}

export type ResetStepResult = { step: WizardStepKey; cleared: ResettableProgressColumn[] };

/**
 * Support sends a client back to a step: clears that step's saved progress and the later steps'
 * that depend on it, and logs who did it. Refused while data push is on (turn it off first), so the
 * integrator never pushes to a company whose setup is being redone.
 */
export async function resetStep(
  db: Db,
  opts: { companyId: string; step: WizardStepKey; actor: StaffActor },
): Promise<ResetStepResult> {
  const plan = RESET_PLAN[opts.step];
  if ("refusal" in plan) throw new AppError("conflict", plan.refusal);
  return db.transaction(async (tx) => {
    const company = await lockCompanyPushState(tx, opts.companyId);
    if (!company) throw notFound("That company");
    if (company.pushEnabled) {
      throw new AppError("conflict", "Data push is on for this company. Turn it off before resetting a step.");
    }
    const progress = await findProgress(tx, opts.companyId);
    const cleared = columnsToReset(progress, opts.step);
    if (cleared.length === 0) {
      const title = findStep(opts.step)?.title ?? opts.step;
      throw new AppError("conflict", `Nothing to reset: “${title}” and the steps after it hold no saved progress.`);
    }
    await clearProgressColumns(tx, opts.companyId, plan.columns);
    await recordEvent(tx, {
      companyId: opts.companyId,
      actor: actorRef(opts.actor),
      type: "step.reset",
      data: { step: opts.step, cleared },
    });
    return { step: opts.step, cleared };
  });
}

function hasValue(progress: SupportProgressRow | null, column: ResettableProgressColumn): boolean {
  if (!progress) return false;
  const value = progress[column];
  return Array.isArray(value) ? value.length > 0 : value !== null;
}
