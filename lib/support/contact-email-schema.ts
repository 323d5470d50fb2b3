import { z } from "zod";

/** Support sets or clears the client's contact email: shared by the form and PUT /api/companies/{id}/contact. */
export const contactEmailSchema = z.strictObject({
  contactEmail: z
    .union([z.literal(""), z.email("Enter a valid email address, or leave it empty.").max(254)])
    .transform((v) => (v ? v.toLowerCase() : null)),
});
export type ContactEmailValues = z.output<typeof contactEmailSchema>;
