import { z } from "zod";
import { normalizeShortCode } from "./tokens";

export const shortCodeSchema = z.object({
  code: z
    .string()
    .transform(normalizeShortCode)
    .pipe(z.string().regex(/^[0-9A-Z]{8}$/, "Type the 8 characters of the code, for example K7QP-4XZ2.")),
});
