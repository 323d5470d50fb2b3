/**
 * Every result `diagnosePush` can give: one per failure cause the product tells apart, plus the
 * normal states of a test push. Each code has one help page (see help-topics.ts).
 */
export const DIAGNOSIS_CODES = [
  "push_succeeded",
  "push_pending",
  "push_slow",
  "test_push_not_run",
  "connector_not_linked",
  "connector_uninstalled",
  "connection_unlinked",
  "connector_offline",
  "concurrent_login",
  "insufficient_rights",
  "sage_version_unsupported",
  "invalid_test_record",
  "codat_unavailable",
  "rate_limited",
  "codat_auth_failed",
  "codat_not_found",
  "codat_conflict",
  "codat_bad_request",
  "unknown_failure",
  "connector_login_rejected",
  "connector_paused",
  "connector_blocked_by_firewall",
] as const;

export type DiagnosisCode = (typeof DIAGNOSIS_CODES)[number];

type DiagnosisSeverity = "ok" | "info" | "warning" | "error";

/**
 * How sure the diagnosis is of its `code`: `certain` only on unambiguous evidence (the connection's
 * status, a documented message matched, a validation error naming a field); `likely` when the
 * evidence points one way but another cause could look the same; `possible` when nothing recognised
 * was said and the code is only the best guess (or `unknown_failure`).
 */
export type DiagnosisConfidence = "certain" | "likely" | "possible";

/** Another cause worth checking, after the diagnosis's own code. */
export type DiagnosisCandidate = {
  code: DiagnosisCode;
  /** Short headline for people, e.g. "Sage 50 login already in use". */
  title: string;
  /** Why this cause fits what was seen (for support). */
  reason: string;
  /** What the client does if this is the cause, in order. */
  fix: string[];
  helpSlug: string;
};

export type Diagnosis = {
  /** The most likely cause (or state), or `unknown_failure` when no cause stands out. */
  code: DiagnosisCode;
  confidence: DiagnosisConfidence;
  /** Why `code` was chosen (for support). */
  reason: string;
  /** The other causes worth checking, most likely first. */
  candidates: DiagnosisCandidate[];
  /** What Codat or the connector said, verbatim, or null when nothing was said. */
  message: string | null;
  severity: DiagnosisSeverity;
  /** Short headline for people, e.g. "The connector did not answer". */
  title: string;
  /** What happened, in plain words for the client. */
  explanation: string;
  /** What the client should do, in order. */
  clientSteps: string[];
  /** What support staff should look at (may quote raw messages from Codat). */
  supportChecks: string[];
  /** Whether running the test push again, after the client steps, can help. */
  retryable: boolean;
  /** The help page for this code: /help/<helpSlug>. */
  helpSlug: string;
};

export function isDiagnosisCode(value: string): value is DiagnosisCode {
  return (DIAGNOSIS_CODES as readonly string[]).includes(value);
}
