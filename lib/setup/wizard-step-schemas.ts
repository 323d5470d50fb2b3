import { z } from "zod/mini";
import { pushUserFormSchema } from "@/lib/sage/push-user-form-schema";

/**
 * One schema per wizard step that takes input; shared by the step's form and the API route.
 * zod/mini, not full zod: the forms fetch these in the browser (components/wizard/lazy-resolver.ts).
 */
const beforeStartSchema = z.strictObject({});

export const credentialsSchema = z.strictObject({
  pushUserEntered: z.literal(true, { error: "Confirm that the connector now holds the push user's login." }),
  companyConfirmed: z.literal(true, { error: "Confirm that this is the right Sage 50 company." }),
});

export const wizardStepSchemas = {
  "before-start": beforeStartSchema,
  "push-user": pushUserFormSchema,
  credentials: credentialsSchema,
} as const;

export type SavableStep = keyof typeof wizardStepSchemas;

export const savableStepParams = z.object({
  id: z.uuid(),
  step: z.enum(["before-start", "push-user", "credentials"]),
});
