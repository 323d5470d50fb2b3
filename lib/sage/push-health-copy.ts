import { describeDiagnosis } from "./diagnosis-copy";
import type { DiagnosisCode } from "./diagnosis-codes";
import type { PushHealthState } from "./push-health";
import type { SetupFlow } from "./types";

/** What each health state means, in the client's words (the health page, the alert email). */
export const PUSH_HEALTH_WORDS: Record<PushHealthState, string> = {
  healthy: "Data is reaching Sage 50: the latest writes went through.",
  at_risk: "Some recent writes to Sage 50 failed or are taking longer than usual. Nothing is lost yet, but keep an eye on it.",
  failing: "Data is not reaching Sage 50: the latest writes failed. It will keep failing until the cause below is fixed.",
  disconnected: "Sage 50 is no longer connected, so nothing can be written to it until the connection is restored.",
  unknown: "No data has been sent to Sage 50 since setup yet.",
};

export type RepairWords = { headline: string; explanation: string; steps: string[]; fixSummary: string };

/**
 * The cause of a company's health and its fix, in the client's words: the diagnosis copy (the same
 * words the wizard uses after a test push), written without a particular push's details.
 */
export function repairWords(cause: DiagnosisCode | null, v: { flow: SetupFlow; pushUsername: string | null; everydayUsernames?: string[] }): RepairWords {
  const text = describeDiagnosis(cause ?? "unknown_failure", {
    flow: v.flow,
    pushUsername: v.pushUsername,
    everydayUsernames: v.everydayUsernames ?? [],
    connectionStatus: null,
    pushWaited: null,
    lastSyncAge: null,
    lastSyncRecent: false,
    errorMessage: null,
    namedLogin: null,
    validationMessages: [],
    statusCode: null,
  });
  return { headline: text.title, explanation: text.explanation, steps: text.clientSteps, fixSummary: text.clientSteps.join(" ") };
}
