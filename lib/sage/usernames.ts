import { cutToLength } from "./cut-to-length";

/**
 * Sage 50 (UK & IE) logon-name rules for the push user.
 *
 * Letters of any case, digits and spaces are allowed. Sage documented a 32-character logon-name limit
 * for v26 and older and publishes none for v27+, so 32 is an *assumption*: change it here only.
 */
export const SAGE50_USERNAME_MAX_LENGTH = 32;

/** The user every Sage 50 company file already has; the push user cannot be called this. */
const SAGE50_BUILT_IN_USERNAME = "MANAGER";

/** Used when the integrator's name has nothing usable in it. */
const FALLBACK_PUSH_USERNAME = "Codat Push";

/**
 * Sage documented a 10-character password limit for v26 and older (*assumed* to still apply to some
 * installs). The wizard never sees the password; it only warns the client when they choose one.
 */
const SAGE50_OLD_PASSWORD_MAX_LENGTH = 10;
export const PUSH_USER_PASSWORD_NOTE =
  `Some Sage 50 versions accept at most ${SAGE50_OLD_PASSWORD_MAX_LENGTH} characters in a password. ` +
  "If Sage 50 refuses the password you chose for the push user, pick a shorter one. Keep it to yourself: you will type it into the connector, never into this page.";

/** How many everyday logins a client may list. */
export const MAX_EVERYDAY_USERNAMES = 10;

const PUSH_SUFFIX = "Push";
const ALLOWED_CHARACTERS = /^[A-Za-z0-9 ]+$/;

export type UsernameProblem = "empty" | "too_long" | "invalid_characters" | "built_in_user";

export const USERNAME_PROBLEM_MESSAGES: Record<UsernameProblem, string> = {
  empty: "Enter a username.",
  too_long: `Use at most ${SAGE50_USERNAME_MAX_LENGTH} characters: older Sage 50 versions refuse longer usernames.`,
  invalid_characters: "Use only letters, numbers and spaces. Sage 50 does not accept other characters in a username.",
  built_in_user:
    "MANAGER is the user Sage 50 creates for every company, so it cannot be the push user. Create a new user for the connector.",
};

/**
 * Problems with a username as Sage 50 would see it (after trimming the ends).
 * `MANAGER` is fine here: people often log in with it every day. Use `checkPushUsername` for the push user.
 */
export function checkUsername(name: string): UsernameProblem[] {
  const trimmed = name.trim();
  if (trimmed.length === 0) return ["empty"];
  const problems: UsernameProblem[] = [];
  if (trimmed.length > SAGE50_USERNAME_MAX_LENGTH) problems.push("too_long");
  if (!ALLOWED_CHARACTERS.test(trimmed)) problems.push("invalid_characters");
  return problems;
}

/** Username rules plus the push user's own rule: it must be a new user, not the built-in MANAGER. */
export function checkPushUsername(name: string): UsernameProblem[] {
  const problems = checkUsername(name);
  if (problems.includes("empty")) return problems;
  if (normalizeUsername(name) === normalizeUsername(SAGE50_BUILT_IN_USERNAME)) problems.push("built_in_user");
  return problems;
}


/**
 * The form used to compare usernames: lower case, with every space removed, so that
 * "Acme Pay" and "ACMEPAY " count as the same login when looking for a clash.
 */
export function normalizeUsername(name: string): string {
  return name.toLowerCase().replace(/\s+/g, "");
}

/**
 * The everyday username that is the same login as the push user (case and spaces ignored),
 * or null when there is no clash.
 */
export function findUsernameClash(pushUsername: string, everydayUsernames: readonly string[]): string | null {
  const push = normalizeUsername(pushUsername);
  if (push.length === 0) return null;
  return everydayUsernames.find((name) => normalizeUsername(name) === push) ?? null;
}

/**
 * A push-user name that names the integrator and fits the rules: "Acme Pay" → "Acme Pay Push".
 * Accents are dropped, other characters become spaces, the name is cut at a word where possible,
 * and "Codat Push" is used when nothing usable is left.
 */
export function suggestPushUsername(integratorName: string): string {
  const words = toAllowedWords(integratorName);
  const last = words.at(-1);
  if (last !== undefined && last.toLowerCase() === PUSH_SUFFIX.toLowerCase()) words.pop();
  if (words.length === 0) return FALLBACK_PUSH_USERNAME;

  const room = SAGE50_USERNAME_MAX_LENGTH - PUSH_SUFFIX.length - 1;
  const base = cutToLength(words.join(" "), room);
  const suggestion = `${base} ${PUSH_SUFFIX}`;
  return checkPushUsername(suggestion).length === 0 ? suggestion : FALLBACK_PUSH_USERNAME;
}

function toAllowedWords(text: string): string[] {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/['’`]/g, "")
    .replace(/[^A-Za-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .filter((word) => word.length > 0);
}
