/**
 * How a failed Sage 50 push says *why* it failed.
 *
 * Codat does not publish the connector's error wordings, so everything in this file is *assumed*.
 * It is the one place to correct them once real messages are seen. The simulator emits exactly
 * `SAGE_ERROR_MESSAGES`; the patterns accept those and reasonable variants of them.
 */

export const SAGE_ERROR_MESSAGES = {
  loginInUse: (user: string) => `Unable to log on to Sage 50: the logon name '${user}' is already in use.`,
  accessDenied: (user: string) =>
    `Sage 50 refused access: user '${user}' does not have the access rights needed to write suppliers.`,
  versionUnsupported: (version: string | number) =>
    `Writing to Sage 50 version ${version} is not supported: version 22 (2016) or later is required.`,
} as const;

export type PushErrorKind = "concurrent_login" | "insufficient_rights" | "sage_version_unsupported";

type PushErrorPattern = {
  kind: PushErrorKind;
  /** Any one of these matching the error message means this kind. */
  patterns: readonly RegExp[];
};

/** Checked in order; the first kind with a matching pattern wins. */
const PUSH_ERROR_PATTERNS: readonly PushErrorPattern[] = [
  {
    kind: "concurrent_login",
    patterns: [
      /\balready\s+(?:in\s+use|logged\s+(?:in|on))\b/i,
      /\bin\s+use\s+by\s+another\b/i,
      /\b(?:user|logon|login)\b.*\b(?:currently|still)\s+logged\s+(?:in|on)\b/i,
      /\bconcurrent\s+(?:log\s?ins?|log\s?ons?|sessions?|access)\b/i,
      /\b(?:user|logon|login)\s+is\s+locked\b/i,
    ],
  },
  {
    kind: "insufficient_rights",
    patterns: [
      /\baccess\s+rights?\b/i,
      /\baccess\s+(?:is\s+)?denied\b/i,
      /\brefused\s+access\b/i,
      /\binsufficient\s+(?:rights|privileges|permissions?)\b/i,
      /\b(?:does\s+not|doesn't|do\s+not|don't)\s+have\s+(?:the\s+)?(?:rights?|permissions?|access)\b/i,
      /\bnot\s+(?:authori[sz]ed|permitted|allowed)\s+to\s+(?:write|create|post|add)\b/i,
      /\bpermission\s+denied\b/i,
    ],
  },
  {
    kind: "sage_version_unsupported",
    patterns: [
      /\bversion\b.*\bnot\s+supported\b/i,
      /\bnot\s+supported\b.*\bversion\b/i,
      /\bunsupported\s+(?:sage\s*(?:50\s+)?)?version\b/i,
      /\bversion\s+22\b.*\brequired\b/i,
      /\brequires?\s+(?:sage\s*50\s+)?(?:version\s+|v)22\b/i,
    ],
  },
];

/** The kind of a push error message, or null when no assumed wording matches. */
export function matchPushError(message: string | null | undefined): PushErrorKind | null {
  if (!message) return null;
  for (const entry of PUSH_ERROR_PATTERNS) {
    if (entry.patterns.some((pattern) => pattern.test(message))) return entry.kind;
  }
  return null;
}

/** The first name quoted in an error message ('x' or "x"), e.g. the login that is in use. */
export function quotedNameIn(message: string | null | undefined): string | null {
  const match = /['"‘“]([^'"’”]{1,64})['"’”]/.exec(message ?? "");
  return match?.[1] ?? null;
}
