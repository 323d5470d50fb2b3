import { stepStates, stepsForFlow, type StepState, type WizardFacts, type WizardStepKey } from "@/lib/sage/steps";
import { connectionStatusLabel } from "@/lib/sage/status-labels";

export type ChecklistStep = {
  key: WizardStepKey;
  title: string;
  state: StepState;
  /** When the step's work was done, if it is. */
  doneAt: string | null;
  /** One line of evidence for support ("Push user: ACME PUSH"). */
  detail: string | null;
  /** Whether support can reset this step now (it, or a later step that depends on it, holds saved progress). */
  resettable: boolean;
};

export type ChecklistFacts = WizardFacts & {
  pushUsername: string | null;
  confirmedCompanyName: string | null;
  pushEnabledAt: Date | null;
  foreignTraderConfirmedAt: Date | null;
  /** When the latest test push on the current connection succeeded, if it did. */
  testPushSucceededAt: Date | null;
  /** Steps a reset would clear something for (see lib/support/reset-step.ts). */
  resettableSteps: ReadonlySet<WizardStepKey>;
};

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** The wizard's checklist as support sees it: each step of the flow with its state and evidence. */
export function companyChecklist(facts: ChecklistFacts): ChecklistStep[] {
  const states = new Map(stepStates(facts).map((s) => [s.key, s.state]));
  return stepsForFlow(facts.flow).map((step) => {
    const { doneAt, detail } = evidence(step.key, facts);
    return {
      key: step.key,
      title: step.title,
      state: states.get(step.key) ?? "locked",
      doneAt,
      detail,
      resettable: facts.resettableSteps.has(step.key),
    };
  });
}

function evidence(key: WizardStepKey, f: ChecklistFacts): { doneAt: string | null; detail: string | null } {
  switch (key) {
    case "before-start":
      return { doneAt: iso(f.beforeStartDoneAt), detail: null };
    case "push-user":
      return { doneAt: iso(f.pushUserDoneAt), detail: f.pushUsername ? `Push user: ${f.pushUsername}` : null };
    case "connector":
      return {
        doneAt: f.connectionStatus === "Linked" ? iso(f.connectorLinkedAt) : null,
        detail: `Connection: ${connectionStatusLabel(f.connectionStatus)}`,
      };
    case "credentials":
      return {
        doneAt: iso(f.companyConfirmedAt),
        detail: f.confirmedCompanyName ? `Company file: ${f.confirmedCompanyName}` : null,
      };
    case "test-push":
      return { doneAt: iso(f.testPushSucceededAt), detail: null };
    case "enable-push":
      return {
        doneAt: f.pushEnabled ? iso(f.pushEnabledAt) : null,
        detail: f.foreignTraderConfirmedAt ? "Foreign Trader confirmed" : null,
      };
  }
}
