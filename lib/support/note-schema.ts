import { z } from "zod";

export const NOTE_MAX_LENGTH = 2000;

/** A staff note on a company's timeline: shared by the note form and POST /api/companies/{id}/notes. */
export const noteSchema = z.strictObject({
  text: z
    .string()
    .trim()
    .min(1, "Write the note first.")
    .max(NOTE_MAX_LENGTH, `Keep the note to ${NOTE_MAX_LENGTH.toLocaleString("en-GB")} characters or fewer.`),
});
