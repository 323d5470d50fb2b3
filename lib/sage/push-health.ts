import type { DiagnosisCode } from "./diagnosis-codes";
import type { WizardStepKey } from "./steps";
import type { ConnectionStatus, SetupFlow } from "./types";

/**
 * Push health: how a company's real writes to Sage 50 (the integrator's bills, payments, suppliers…,
 * reported by Codat's `{dataType}.write.*` webhooks) are going, after setup.
 * - `healthy`: the latest writes succeeded (or a test push passed after them).
 * - `at_risk`: recent failures but also successes, or a write pending longer than usual.
 * - `failing`: the latest writes failed (`failingAfter` in a row), or one failed for a cause that
 *   repeats until someone fixes it (`stickyCauses`).
 * - `disconnected`: the connection is not Linked.
 * - `unknown`: no write seen yet.
 */
export const PUSH_HEALTH_STATES = ["healthy", "at_risk", "failing", "disconnected", "unknown"] as const;
export type PushHealthState = (typeof PUSH_HEALTH_STATES)[number];

/** States that open an alert (and that a return to `healthy` closes). */
export const ALERTING_PUSH_HEALTH_STATES = ["failing", "disconnected"] as const satisfies readonly PushHealthState[];

/**
 * Worst first: the support list's health sort (and its index) ranks states in this order. The
 * "Needs attention" filter is the alerting states, the first two.
 */
export const PUSH_HEALTH_SEVERITY = ["failing", "disconnected", "at_risk", "unknown", "healthy"] as const satisfies readonly PushHealthState[];

/** How long a repair link (emailed with an alert) opens the wizard. */
export const REPAIR_LINK_DAYS = 7;

/** The support digest is sent at most once in this long. */
export const SUPPORT_DIGEST_INTERVAL_MS = 60 * 60_000;

/** What became of one write, as stored: Codat's Success → `succeeded`; Failed or TimedOut → `failed`. */
export const PUSH_WRITE_OUTCOMES = ["pending", "succeeded", "failed"] as const;
export type PushWriteOutcome = (typeof PUSH_WRITE_OUTCOMES)[number];

/** An alert is open from entering `failing` or `disconnected` until the company is `healthy` again. */
export const ALERT_STATES = ["open", "closed"] as const;

/** The thresholds, as data. */
export const PUSH_HEALTH_RULES = {
  /** This many failed writes in a row make the company `failing`. */
  failingAfter: 3,
  /** After a failure, this many successful writes in a row make it `healthy` again (fewer: `at_risk`). */
  successesToRecover: 2,
  /** A write still pending after this long puts the company `at_risk`. */
  pendingTooLongMs: 15 * 60_000,
  /** How many of the latest writes the rule reads (callers pass at most this many). */
  window: 20,
  /**
   * Causes that repeat on every write until someone acts: one such failure is enough for `failing`.
   * A login clash (Sage 50 open with the push user), missing rights, a connector uninstalled or whose
   * saved login no longer works (password changed, user deleted), an unsupported Sage 50 version.
   */
  stickyCauses: [
    "concurrent_login",
    "insufficient_rights",
    "connector_uninstalled",
    "connection_unlinked",
    "connector_login_rejected",
    "sage_version_unsupported",
  ] as const satisfies readonly DiagnosisCode[],
} as const;

/** One finished write, as stored: when it ended, whether it succeeded and, if not, the diagnosed cause. */
export type PushWriteFact = { succeeded: boolean; at: Date; cause: DiagnosisCode | null };

export type PushHealthInput = {
  connectionStatus: ConnectionStatus | null;
  /** Push was turned on for the company (setup finished); a company still in setup is not "disconnected". */
  pushEnabled: boolean;
  /** The latest finished writes, newest first (at most `PUSH_HEALTH_RULES.window`). */
  writes: readonly PushWriteFact[];
  /** When the oldest write still pending was requested, or null. */
  oldestPendingAt: Date | null;
  /**
   * When the company's latest test push started, if it passed (null otherwise). A passing test push
   * proves the fix: writes that ended before it no longer count.
   */
  lastTestPushPassedAt?: Date | null;
  now: Date;
};

export type PushHealth = {
  state: PushHealthState;
  /** The cause to fix, for `failing`, `disconnected` and `at_risk`; null otherwise. */
  cause: DiagnosisCode | null;
  /** Why, in a sentence for support. */
  reason: string;
  /** When the situation the state describes began, when the writes tell. */
  since?: Date;
};

const STICKY: readonly DiagnosisCode[] = PUSH_HEALTH_RULES.stickyCauses;

function isStickyCause(code: DiagnosisCode | null): boolean {
  return code !== null && STICKY.includes(code);
}

export function isAlertingState(state: PushHealthState): boolean {
  return (ALERTING_PUSH_HEALTH_STATES as readonly PushHealthState[]).includes(state);
}

const DISCONNECTED_CAUSE: Record<ConnectionStatus, DiagnosisCode> = {
  PendingAuth: "connector_not_linked",
  Linked: "connector_not_linked",
  Unlinked: "connection_unlinked",
  Deauthorized: "connector_uninstalled",
};

/** The company's push health from its connection and latest writes. Pure: same input, same answer. */
export function pushHealth(input: PushHealthInput, rules: typeof PUSH_HEALTH_RULES = PUSH_HEALTH_RULES): PushHealth {
  const all = input.writes.slice(0, rules.window);
  const seenAnything = all.length > 0 || input.oldestPendingAt !== null;
  if (input.connectionStatus !== "Linked" && (input.pushEnabled || seenAnything)) {
    const status = input.connectionStatus;
    return {
      state: "disconnected",
      cause: status === null ? "connector_not_linked" : DISCONNECTED_CAUSE[status],
      reason: status === null ? "The company has no Sage 50 connection." : `The connection is ${status}: nothing can be written to Sage 50.`,
    };
  }
  if (!seenAnything) return { state: "unknown", cause: null, reason: "No write to Sage 50 has been reported yet." };
  const cleared = input.lastTestPushPassedAt ?? null;
  const writes = cleared ? all.filter((w) => w.at.getTime() > cleared.getTime()) : all;
  if (cleared && writes.length === 0 && input.oldestPendingAt === null) {
    return { state: "healthy", cause: null, reason: "A test push passed after the latest write.", since: cleared };
  }

  const failedRun = leadingRun(writes, false);
  const newest = writes[0];
  if (newest && !newest.succeeded) {
    const since = failedRun[failedRun.length - 1]!.at;
    if (failedRun.length >= rules.failingAfter) {
      return { state: "failing", cause: newest.cause, reason: `The last ${failedRun.length} writes failed.`, since };
    }
    if (isStickyCause(newest.cause)) {
      return { state: "failing", cause: newest.cause, reason: "The latest write failed for a cause that repeats until someone fixes it.", since };
    }
    return { state: "at_risk", cause: newest.cause, reason: "The latest write failed, but earlier writes did not all fail.", since };
  }

  const successRun = leadingRun(writes, true);
  const lastFailure = writes.find((w) => !w.succeeded);
  if (lastFailure && successRun.length < rules.successesToRecover) {
    return {
      state: "at_risk",
      cause: lastFailure.cause,
      reason: `A recent write failed; ${successRun.length} write(s) succeeded since, ${rules.successesToRecover} are needed to call it healthy.`,
      since: lastFailure.at,
    };
  }
  if (input.oldestPendingAt && input.now.getTime() - input.oldestPendingAt.getTime() > rules.pendingTooLongMs) {
    return { state: "at_risk", cause: "push_slow", reason: "A write has been pending longer than usual.", since: input.oldestPendingAt };
  }
  const firstOk = successRun[successRun.length - 1];
  return {
    state: "healthy",
    cause: null,
    reason: writes.length > 0 ? "The latest writes succeeded." : "Writes are under way.",
    ...(firstOk ? { since: firstOk.at } : {}),
  };
}

/** The newest writes while they all have the given outcome. */
function leadingRun(writes: readonly PushWriteFact[], succeeded: boolean): PushWriteFact[] {
  const run: PushWriteFact[] = [];
  for (const write of writes) {
    if (write.succeeded !== succeeded) break;
    run.push(write);
  }
  return run;
}

const CREDENTIAL_CAUSES: readonly DiagnosisCode[] = ["concurrent_login", "insufficient_rights", "connector_login_rejected"];
const CONNECTOR_CAUSES: readonly DiagnosisCode[] = [
  "connector_uninstalled",
  "connector_not_linked",
  "connection_unlinked",
  "connector_paused",
  "connector_offline",
  "connector_blocked_by_firewall",
];

/**
 * The wizard step that fixes a cause: a login clash or the connector's login → the credentials step
 * (Manage connection); a connector uninstalled, paused or offline → the connector step (the upgrade
 * flow has none: its credentials step is where the connector is opened); anything else → the test push.
 */
export function repairStepFor(cause: DiagnosisCode | null, flow: SetupFlow = "new"): WizardStepKey {
  if (cause !== null && CREDENTIAL_CAUSES.includes(cause)) return "credentials";
  if (cause !== null && CONNECTOR_CAUSES.includes(cause)) return flow === "new" ? "connector" : "credentials";
  return "test-push";
}
