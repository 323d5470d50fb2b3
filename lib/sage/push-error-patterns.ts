import { ASSUMED_PUSH_ERROR_PATTERNS, UNSUPPORTED_VERSION_NOTE } from "./assumed-connector-behaviour";

/**
 * How a failed Sage 50 push says *why* it failed. Each pattern carries its status: `documented` (the
 * wording appears in Codat's docs or specs, named in `source`) or `assumed` (kept, all of them, in
 * assumed-connector-behaviour.ts). Documented patterns are checked first; only a documented match can
 * make a diagnosis certain.
 */

export type PushErrorKind =
  | "concurrent_login"
  | "insufficient_rights"
  | "sage_version_unsupported"
  | "invalid_test_record"
  | "connector_login_rejected";

export type PushErrorPattern = {
  kind: PushErrorKind;
  status: "documented" | "assumed";
  /** The Codat doc page or spec the wording comes from, or why it is assumed. */
  source: string;
  /** Any one of these matching the error message means this kind. */
  patterns: readonly RegExp[];
};

export type PushErrorMatch = Pick<PushErrorPattern, "kind" | "status" | "source">;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+");

const DOCUMENTED_PUSH_ERROR_PATTERNS: readonly PushErrorPattern[] = [
  {
    kind: "sage_version_unsupported",
    status: "documented",
    source: "Codat Sync for Payables spec (lib/codat/oas/Codat-Sync-Payables-v1.json): Sage 50 push options, validation.information",
    patterns: UNSUPPORTED_VERSION_NOTE.split(". ").map((part) => new RegExp(escape(part.replace(/\.$/, "")), "i")),
  },
  {
    kind: "invalid_test_record",
    status: "documented",
    source: "Codat docs, “Create, update, and delete data” (push): a write failed with a validation error",
    patterns: [/\bPush\s+failed\s+for\s+[\w ]+:\s+see\s+validation\s+for\s+more\s+information\b/i],
  },
];

/** Checked in order; the first pattern that matches wins. */
const PUSH_ERROR_PATTERNS: readonly PushErrorPattern[] = [...DOCUMENTED_PUSH_ERROR_PATTERNS, ...ASSUMED_PUSH_ERROR_PATTERNS];

/** What a push error message says, with the status of the wording that matched; null when nothing does. */
export function matchPushError(message: string | null | undefined): PushErrorMatch | null {
  if (!message) return null;
  const entry = PUSH_ERROR_PATTERNS.find((candidate) => candidate.patterns.some((pattern) => pattern.test(message)));
  return entry ? { kind: entry.kind, status: entry.status, source: entry.source } : null;
}

/** The first name quoted in an error message ('x' or "x"), e.g. the login that is in use. */
export function quotedNameIn(message: string | null | undefined): string | null {
  const match = /['"‘“]([^'"’”]{1,64})['"’”]/.exec(message ?? "");
  return match?.[1] ?? null;
}
