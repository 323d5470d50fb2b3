import { route, validationError } from "@/lib/api/handler";
import { AppError } from "@/lib/errors";
import { companyFor } from "@/lib/setup/company-access";
import { saveWizardStep } from "@/lib/setup/save-wizard-step";
import { savableStepParams, wizardStepSchemas } from "@/lib/setup/wizard-step-schemas";
import { toWizardView } from "@/lib/setup/wizard-view";
import { z } from "zod";

/** Saves one wizard step; the body is checked with that step's own schema. */
export const PUT = route(
  { permission: "signed-in", params: savableStepParams, body: z.unknown() },
  async ({ db, actor, params, body }) => {
    if (actor.type === "staff") throw new AppError("forbidden", "Only the client completes wizard steps; support can reset them.");
    const company = await companyFor(db, actor, params.id);
    const parsed = wizardStepSchemas[params.step].safeParse(body);
    if (!parsed.success) throw validationError(parsed.error);
    const state = await saveWizardStep(db, { company, actor, step: params.step, input: parsed.data as never });
    return toWizardView(db, state);
  },
);
