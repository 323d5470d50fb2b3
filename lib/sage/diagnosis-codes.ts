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
] as const;

export type DiagnosisCode = (typeof DIAGNOSIS_CODES)[number];

type DiagnosisSeverity = "ok" | "info" | "warning" | "error";

export type Diagnosis = {
  code: DiagnosisCode;
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
