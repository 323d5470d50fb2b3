import { z } from "zod";
import { WIZARD_STEPS, type WizardStepKey } from "@/lib/sage/steps";

/** `/api/companies/{id}/…`: a company id is a uuid; anything else is "not found". */
export const companyParamsSchema = z.object({ id: z.uuid() });

const stepKeys = WIZARD_STEPS.map((step) => step.key) as [WizardStepKey, ...WizardStepKey[]];

/** `/api/companies/{id}/steps/{step}/reset`. */
export const companyStepParamsSchema = z.object({ id: z.uuid(), step: z.enum(stepKeys) });
