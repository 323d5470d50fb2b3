import { z } from "zod";

/** PUT /api/companies/{id}/push — shared by the wizard's last step, the health page and support. */
export const setPushSchema = z.strictObject({
  enabled: z.boolean(),
  foreignTraderConfirmed: z.boolean().optional(),
});
export type SetPushInput = z.infer<typeof setPushSchema>;
