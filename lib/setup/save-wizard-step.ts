import type { z } from "zod/mini";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { actorRef, type Actor } from "@/lib/auth/actor";
import type { CompanyRow } from "@/lib/db/queries/companies";
import { updateProgress } from "@/lib/db/queries/progress";
import { recordEvent } from "@/lib/db/queries/events";
import { canOpenStep } from "@/lib/sage/steps";
import { emitWebhookEvent } from "@/lib/outgoing-webhooks/emit-webhook-event";
import { loadWizard, type WizardState } from "./load-wizard";
import { wizardStepSchemas, type SavableStep } from "./wizard-step-schemas";

type Input<S extends SavableStep> = z.output<(typeof wizardStepSchemas)[S]>;

/**
 * Saves one wizard step on the server (so any device can resume) and logs it. The server decides:
 * a step not yet reachable is refused, and the credentials step needs a linked connection.
 */
export async function saveWizardStep<S extends SavableStep>(
  db: Db,
  opts: { company: CompanyRow; actor: Actor; step: S; input: Input<S> },
): Promise<WizardState> {
  const state = await loadWizard(db, opts.company);
  if (!canOpenStep(state.facts, opts.step)) {
    throw new AppError("step_locked", "Finish the earlier steps first: this step is not open yet.");
  }
  if (opts.step === "credentials" && state.company.connectionStatus !== "Linked") {
    throw new AppError("connection_not_linked", "The connector is not linked to this company yet. Finish its install steps first.");
  }
  const now = new Date();
  const who = actorRef(opts.actor);
  const id = opts.company.id;
  // The step's answers and its event are written together, or neither is.
  await db.transaction(async (tx) => {
    if (opts.step === "before-start") {
      await updateProgress(tx, id, { beforeStartDoneAt: state.progress.beforeStartDoneAt ?? now });
      await recordEvent(tx, { companyId: id, actor: who, type: "wizard.before_start_done" });
    } else if (opts.step === "push-user") {
      const input = opts.input as Input<"push-user">;
      await updateProgress(tx, id, {
        pushUsername: input.pushUsername,
        everydayUsernames: input.everydayUsernames,
        pushUserDoneAt: now,
      });
      await recordEvent(tx, {
        companyId: id,
        actor: who,
        type: "wizard.push_user_saved",
        data: { pushUsername: input.pushUsername, everydayUsernames: input.everydayUsernames },
      });
    } else {
      await updateProgress(tx, id, {
        credentialsChangedAt: now,
        companyConfirmedAt: now,
        confirmedCompanyName: state.company.reportedCompanyName,
      });
      await recordEvent(tx, {
        companyId: id,
        actor: who,
        type: "wizard.company_confirmed",
        data: { companyName: state.company.reportedCompanyName, baseCurrency: state.company.baseCurrency },
      });
    }
    await emitWebhookEvent(tx, "setup.step_completed", { companyId: id, step: opts.step, now });
  });
  return loadWizard(db, opts.company);
}
