import { z } from "zod";

/** The longest password sign-in accepts: a longer one could be set but never used. */
export const PASSWORD_MAX_LENGTH = 200;
const PASSWORD_MIN_LENGTH = 12;
const PASSWORD_MIN_DISTINCT = 6;

/**
 * The rule for a staff password someone chooses (the one-time passwords the server makes meet it
 * too). Length is what makes a password hard to guess, so the rule asks for length rather than
 * character classes; a long run of a few characters ("aaaaaaaaaaaa", "121212121212") is refused.
 */
export const staffPasswordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`)
  .max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters.`)
  .refine((p) => new Set(p).size >= PASSWORD_MIN_DISTINCT, `Use at least ${PASSWORD_MIN_DISTINCT} different characters.`);
