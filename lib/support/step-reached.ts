import { currentStep, isSetupComplete, stepsForFlow, type WizardFacts, type WizardStepKey } from "@/lib/sage/steps";
import type { ConnectionStatus, SetupFlow, TestPushStatus } from "@/lib/sage/types";

type ProgressFacts = {
  beforeStartDoneAt: Date | null;
  pushUserDoneAt: Date | null;
  connectorLinkedAt: Date | null;
  companyConfirmedAt: Date | null;
};

/** The wizard's facts from what the database holds (a missing progress row means nothing done yet). */
export function wizardFactsFrom(v: {
  flow: SetupFlow;
  connectionStatus: ConnectionStatus | null;
  pushEnabled: boolean;
  progress: ProgressFacts | null;
  latestTestPushOnCurrentConnection: { status: TestPushStatus } | null;
}): WizardFacts {
  return {
    flow: v.flow,
    beforeStartDoneAt: v.progress?.beforeStartDoneAt ?? null,
    pushUserDoneAt: v.progress?.pushUserDoneAt ?? null,
    connectionStatus: v.connectionStatus,
    connectorLinkedAt: v.progress?.connectorLinkedAt ?? null,
    companyConfirmedAt: v.progress?.companyConfirmedAt ?? null,
    latestTestPushOnCurrentConnection: v.latestTestPushOnCurrentConnection,
    pushEnabled: v.pushEnabled,
  };
}

export type StepReached = { key: WizardStepKey; title: string; number: number; of: number; complete: boolean };

/** The step the client is on (or the last one once everything is done), with its place in the flow. */
export function stepReached(facts: WizardFacts): StepReached {
  const steps = stepsForFlow(facts.flow);
  const key = currentStep(facts);
  const index = steps.findIndex((step) => step.key === key);
  const step = steps[index];
  return {
    key,
    title: step?.shortTitle ?? key,
    number: index + 1,
    of: steps.length,
    complete: isSetupComplete(facts),
  };
}
