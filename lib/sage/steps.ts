import { SETUP_FLOWS, type ConnectionStatus, type SetupFlow, type TestPushStatus } from "./types";

/**
 * The setup wizard as data. The server decides which steps a client may open from the facts it
 * stores (progress timestamps, connection status, latest test push); the pages only render that.
 */
export type WizardStepKey = "before-start" | "push-user" | "connector" | "credentials" | "test-push" | "enable-push";

export type WizardStep = {
  key: WizardStepKey;
  title: string;
  /** For the progress bar and narrow screens. */
  shortTitle: string;
  /** Path segment under the setup link, e.g. /setup/<token>/<path>. */
  path: string;
  flows: readonly SetupFlow[];
};

const BOTH: readonly SetupFlow[] = SETUP_FLOWS;

export const WIZARD_STEPS: readonly WizardStep[] = [
  { key: "before-start", title: "Before you start", shortTitle: "Start", path: "before-start", flows: BOTH },
  { key: "push-user", title: "Create the push user in Sage 50", shortTitle: "Push user", path: "push-user", flows: BOTH },
  {
    key: "connector",
    title: "Download and license the connector",
    shortTitle: "Connector",
    path: "connector",
    flows: ["new"],
  },
  {
    key: "credentials",
    // New flow: enter the push user in the connector and confirm the company.
    // Upgrade flow: tray icon > Open connector > Manage connection, swap in the push user, confirm the company.
    title: "Give the connector the push user's login",
    shortTitle: "Connector login",
    path: "credentials",
    flows: BOTH,
  },
  { key: "test-push", title: "Run a test push", shortTitle: "Test push", path: "test-push", flows: BOTH },
  { key: "enable-push", title: "Turn on data push", shortTitle: "Turn on", path: "enable-push", flows: BOTH },
];

export function stepsForFlow(flow: SetupFlow): WizardStep[] {
  return WIZARD_STEPS.filter((step) => step.flows.includes(flow));
}

export function findStep(key: string): WizardStep | null {
  return WIZARD_STEPS.find((step) => step.key === key) ?? null;
}

/** What the server knows about one setup; plain data from the progress row, company and test pushes. */
export type WizardFacts = {
  flow: SetupFlow;
  beforeStartDoneAt: Date | null;
  pushUserDoneAt: Date | null;
  connectionStatus: ConnectionStatus | null;
  /** Recorded for the timeline; the connector step follows the live connection status, not this. */
  connectorLinkedAt: Date | null;
  companyConfirmedAt: Date | null;
  /** The latest test push made on the connection the company has now (older connections do not count). */
  latestTestPushOnCurrentConnection: { status: TestPushStatus } | null;
  pushEnabled: boolean;
};

export type StepState = "done" | "current" | "locked";

export type StepStateEntry = { key: WizardStepKey; state: StepState };

/**
 * Whether a step's own work is finished, ignoring earlier steps. Everything from the connector on
 * needs a Linked connection: if it drops, those steps are no longer done.
 */
function isStepComplete(facts: WizardFacts, key: WizardStepKey): boolean {
  const linked = facts.connectionStatus === "Linked";
  switch (key) {
    case "before-start":
      return facts.beforeStartDoneAt !== null;
    case "push-user":
      return facts.pushUserDoneAt !== null;
    case "connector":
      return linked;
    case "credentials":
      return linked && facts.companyConfirmedAt !== null;
    case "test-push":
      return linked && facts.latestTestPushOnCurrentConnection?.status === "success";
    case "enable-push":
      return linked && facts.pushEnabled;
  }
}

/**
 * Each step of the flow in order. A step counts as done only when it and every earlier step are
 * complete; the first step that is not is "current"; everything after it is "locked". So a step that
 * support reset, or a connection that dropped, sends the client back to that point.
 */
export function stepStates(facts: WizardFacts): StepStateEntry[] {
  let blocked = false;
  return stepsForFlow(facts.flow).map(({ key }) => {
    if (blocked) return { key, state: "locked" };
    if (isStepComplete(facts, key)) return { key, state: "done" };
    blocked = true;
    return { key, state: "current" };
  });
}

/** Done steps stay open (to go back); the current step is open; later steps and other flows' steps are not. */
export function canOpenStep(facts: WizardFacts, key: WizardStepKey): boolean {
  const entry = stepStates(facts).find((step) => step.key === key);
  return entry !== undefined && entry.state !== "locked";
}

/** The step the client should be on: the first one not done, or the last step once all are done. */
export function currentStep(facts: WizardFacts): WizardStepKey {
  const states = stepStates(facts);
  const current = states.find((step) => step.state === "current") ?? states.at(-1);
  return current?.key ?? "before-start";
}

/** True when every step of the flow is done (push is on, on a linked connection). */
export function isSetupComplete(facts: WizardFacts): boolean {
  return stepStates(facts).every((step) => step.state === "done");
}
