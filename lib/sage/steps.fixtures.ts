import type { StepState, WizardFacts, WizardStepKey } from "./steps";

const T = new Date("2025-03-04T10:00:00Z");

export const NOTHING_DONE: WizardFacts = {
  flow: "new",
  beforeStartDoneAt: null,
  pushUserDoneAt: null,
  connectionStatus: "PendingAuth",
  connectorLinkedAt: null,
  companyConfirmedAt: null,
  latestTestPushOnCurrentConnection: null,
  pushEnabled: false,
};

export const ALL_DONE: WizardFacts = {
  flow: "new",
  beforeStartDoneAt: T,
  pushUserDoneAt: T,
  connectionStatus: "Linked",
  connectorLinkedAt: T,
  companyConfirmedAt: T,
  latestTestPushOnCurrentConnection: { status: "success" },
  pushEnabled: true,
};

/** A pull-only company: already linked, nothing of the push setup done. */
export const UPGRADE_START: WizardFacts = {
  ...NOTHING_DONE,
  flow: "upgrade",
  connectionStatus: "Linked",
  connectorLinkedAt: T,
};

type S = StepState;
export type StepCase = {
  name: string;
  facts: WizardFacts;
  /** The expected state of each of the flow's steps, in order. */
  states: S[];
  current: WizardStepKey;
};

export const NEW_FLOW_CASES: StepCase[] = [
  { name: "nothing done", facts: NOTHING_DONE, states: ["current", "locked", "locked", "locked", "locked", "locked"], current: "before-start" },
  {
    name: "before-start done",
    facts: { ...NOTHING_DONE, beforeStartDoneAt: T },
    states: ["done", "current", "locked", "locked", "locked", "locked"],
    current: "push-user",
  },
  {
    name: "push user done, connector not linked",
    facts: { ...NOTHING_DONE, beforeStartDoneAt: T, pushUserDoneAt: T },
    states: ["done", "done", "current", "locked", "locked", "locked"],
    current: "connector",
  },
  {
    name: "no connection yet",
    facts: { ...NOTHING_DONE, beforeStartDoneAt: T, pushUserDoneAt: T, connectionStatus: null },
    states: ["done", "done", "current", "locked", "locked", "locked"],
    current: "connector",
  },
  {
    name: "connector linked",
    facts: { ...NOTHING_DONE, beforeStartDoneAt: T, pushUserDoneAt: T, connectionStatus: "Linked", connectorLinkedAt: T },
    states: ["done", "done", "done", "current", "locked", "locked"],
    current: "credentials",
  },
  {
    name: "company confirmed",
    facts: { ...ALL_DONE, latestTestPushOnCurrentConnection: null, pushEnabled: false },
    states: ["done", "done", "done", "done", "current", "locked"],
    current: "test-push",
  },
  {
    name: "test push failed",
    facts: { ...ALL_DONE, latestTestPushOnCurrentConnection: { status: "failed" }, pushEnabled: false },
    states: ["done", "done", "done", "done", "current", "locked"],
    current: "test-push",
  },
  {
    name: "test push pending",
    facts: { ...ALL_DONE, latestTestPushOnCurrentConnection: { status: "pending" }, pushEnabled: false },
    states: ["done", "done", "done", "done", "current", "locked"],
    current: "test-push",
  },
  {
    name: "test push succeeded",
    facts: { ...ALL_DONE, pushEnabled: false },
    states: ["done", "done", "done", "done", "done", "current"],
    current: "enable-push",
  },
  { name: "all done", facts: ALL_DONE, states: ["done", "done", "done", "done", "done", "done"], current: "enable-push" },
  {
    name: "connection dropped after push was enabled (Deauthorized)",
    facts: { ...ALL_DONE, connectionStatus: "Deauthorized" },
    states: ["done", "done", "current", "locked", "locked", "locked"],
    current: "connector",
  },
  {
    name: "connection dropped (Unlinked)",
    facts: { ...ALL_DONE, connectionStatus: "Unlinked" },
    states: ["done", "done", "current", "locked", "locked", "locked"],
    current: "connector",
  },
  {
    name: "relinked on a new connection: old test push does not count",
    facts: { ...ALL_DONE, latestTestPushOnCurrentConnection: null, pushEnabled: false },
    states: ["done", "done", "done", "done", "current", "locked"],
    current: "test-push",
  },
  {
    name: "support reset the push-user step",
    facts: { ...ALL_DONE, pushUserDoneAt: null },
    states: ["done", "current", "locked", "locked", "locked", "locked"],
    current: "push-user",
  },
];

export const UPGRADE_FLOW_CASES: StepCase[] = [
  { name: "start", facts: UPGRADE_START, states: ["current", "locked", "locked", "locked", "locked"], current: "before-start" },
  {
    name: "push user done",
    facts: { ...UPGRADE_START, beforeStartDoneAt: T, pushUserDoneAt: T },
    states: ["done", "done", "current", "locked", "locked"],
    current: "credentials",
  },
  {
    name: "company confirmed",
    facts: { ...UPGRADE_START, beforeStartDoneAt: T, pushUserDoneAt: T, companyConfirmedAt: T },
    states: ["done", "done", "done", "current", "locked"],
    current: "test-push",
  },
  {
    name: "all done",
    facts: { ...ALL_DONE, flow: "upgrade" },
    states: ["done", "done", "done", "done", "done"],
    current: "enable-push",
  },
  {
    name: "connection dropped",
    facts: { ...ALL_DONE, flow: "upgrade", connectionStatus: "PendingAuth" },
    states: ["done", "done", "current", "locked", "locked"],
    current: "credentials",
  },
];
