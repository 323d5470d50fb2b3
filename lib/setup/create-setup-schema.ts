import { z } from "zod";

/** Support creates a setup for a new company: shared by the form and POST /api/companies. */
export const createSetupSchema = z.strictObject({
  name: z.string().trim().min(2, "Enter the company's name.").max(100, "Keep the name under 100 characters."),
  contactEmail: z
    .union([z.literal(""), z.email("Enter a valid email address, or leave it empty.").max(254)])
    .optional()
    .transform((v) => (v ? v.toLowerCase() : null)),
});
