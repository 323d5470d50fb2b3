import { requestErrorCode, type RequestErrorCode } from "./codat-request-errors";
import type { DiagnosisCode, DiagnosisConfidence } from "./diagnosis-codes";
import { matchPushError, type PushErrorMatch } from "./push-error-patterns";
import type { ConnectionStatus, PushValidation, SetupFlow, TestPushStatus } from "./types";

/** A push still waiting after this long is no longer normal: the connector may be offline. */
const PUSH_SLOW_AFTER_MS = 2 * 60_000;

export type TestPushFacts = {
  status: TestPushStatus;
  /** Codat's push operation status as last seen: Pending, Success, Failed or TimedOut. */
  codatStatus?: string | null;
  /** HTTP status from Codat when the request itself failed (status "error"), or the operation's statusCode. */
  statusCode?: number | null;
  errorMessage?: string | null;
  validation?: PushValidation | null;
  startedAt: Date;
  completedAt?: Date | null;
  deadlineAt: Date;
};

export type DiagnosePushInput = {
  /** The latest test push on the current connection, or null when none was run. */
  testPush: TestPushFacts | null;
  connection: { status: ConnectionStatus | null; lastSyncAt: Date | null };
  setup: { pushUsername?: string | null; everydayUsernames: string[]; flow: SetupFlow };
  now: Date;
  /** Set when our latest call to Codat failed before a push operation existed. */
  errorKind?: RequestErrorCode | null;
};

type RankedCause = { code: DiagnosisCode; reason: string };

/** The most likely cause with how sure it is, then the other causes worth checking, in order. */
export type Ranking = RankedCause & { confidence: DiagnosisConfidence; candidates: RankedCause[] };

const certain = (code: DiagnosisCode, reason: string): Ranking => ({ code, reason, confidence: "certain", candidates: [] });

/**
 * Why a login clash is checked after every failed or timed-out push on a linked connection. Codat
 * documents that nothing is written while Sage 50 is open with the connector's login, but neither the
 * message nor whether the push ends Failed or stays Pending until it times out (see
 * assumed-connector-behaviour.ts): so no message rules it out.
 */
const LOGIN_CLASH = {
  afterTimeOut: "A login clash may leave a push Pending until it times out: Codat does not document how a clash ends.",
  afterUnknown:
    "The connector answered, so it was running; a login clash (the push user open in Sage 50) is the most common reason a write is refused, and Codat does not document its wording.",
  afterOther: "Listed after every failed push on a linked connection: Codat does not document how a login clash is reported, so this message does not rule it out.",
} as const;

/**
 * Why a paused connector is checked when a push waits: pausing it from the tray leaves the connection
 * Linked and reports nothing Codat shows (assumed, see assumed-connector-behaviour.ts), so a push that
 * stays Pending is all there is to see, the same as a stopped connector.
 */
const PAUSED = "A connector paused from the tray leaves the connection Linked and the push Pending; Codat shows nothing else that tells it apart.";

/** Why a firewall is checked when a push waits: a blocked connector never hears of the push, and Codat reports nothing else (assumed). */
const FIREWALL =
  "A firewall that blocks the connector's outbound connection leaves the connection Linked and the push Pending; Codat shows nothing else that tells it apart.";

/**
 * Ranks the causes of a company's test-push state. Order of reasoning: a failed call to Codat first
 * (nothing else is known), then the connection (a push cannot work without a linked connector, whatever
 * the last push said), then the push itself.
 */
export function rankCauses(input: DiagnosePushInput): Ranking {
  if (input.errorKind) return requestErrorRanking(input.errorKind, "Our last call to Codat failed before a push existed.");

  const connection = input.connection.status;
  if (connection === null) return certain("connector_not_linked", "No Sage 50 connection exists yet.");
  if (connection === "PendingAuth") return certain("connector_not_linked", "The connection is PendingAuth.");
  if (connection === "Deauthorized") return certain("connector_uninstalled", "The connection is Deauthorized.");
  if (connection === "Unlinked") return certain("connection_unlinked", "The connection is Unlinked.");

  const push = input.testPush;
  if (push === null) return certain("test_push_not_run", "No test push on the current connection.");

  switch (push.status) {
    case "success":
      return certain("push_succeeded", "The push operation ended Success.");
    case "starting":
    case "pending":
      return input.now.getTime() - push.startedAt.getTime() > PUSH_SLOW_AFTER_MS ? slowPush() : certain("push_pending", "Pending for under two minutes is normal.");
    case "timed_out":
      return timedOut();
    case "failed":
      return push.codatStatus === "TimedOut" ? timedOut() : failedPush(push);
    case "error":
      return requestError(push);
  }
}

function slowPush(): Ranking {
  return {
    code: "push_slow",
    reason: "The push has been Pending for more than two minutes: the connector usually collects one within a minute or two, so it may not be running.",
    confidence: "likely",
    candidates: [
      { code: "concurrent_login", reason: LOGIN_CLASH.afterTimeOut },
      { code: "connector_paused", reason: PAUSED },
      { code: "connector_blocked_by_firewall", reason: FIREWALL },
    ],
  };
}

function timedOut(): Ranking {
  return {
    code: "connector_offline",
    reason: "The push ended TimedOut: the connector did not take it before the deadline.",
    confidence: "likely",
    candidates: [
      { code: "concurrent_login", reason: LOGIN_CLASH.afterTimeOut },
      { code: "connector_paused", reason: PAUSED },
      { code: "connector_blocked_by_firewall", reason: FIREWALL },
    ],
  };
}

function failedPush(push: TestPushFacts): Ranking {
  const clash = { code: "concurrent_login", reason: LOGIN_CLASH.afterOther } as const;
  const errors = push.validation?.errors ?? [];
  if (errors.length > 0) {
    const namesField = errors.some((item) => Boolean(item.itemId?.trim()));
    return {
      code: "invalid_test_record",
      reason: namesField ? "Codat listed validation errors naming the field at fault." : "Codat listed validation errors.",
      confidence: namesField ? "certain" : "likely",
      candidates: [clash],
    };
  }
  const match = matchPushError(push.errorMessage);
  if (match === null) {
    return {
      code: "unknown_failure",
      reason: push.errorMessage?.trim() ? "The message matches no wording we know." : "The push failed without a message.",
      confidence: "possible",
      candidates: [
        { code: "concurrent_login", reason: LOGIN_CLASH.afterUnknown },
        { code: "insufficient_rights", reason: "A push user that is not an Administrator is refused when writing; that wording is not documented either." },
        { code: "sage_version_unsupported", reason: "Sage 50 2015 (v21) and older cannot receive data; check the version the connector reports." },
        {
          code: "connector_login_rejected",
          reason: "If the push user's password was changed or the user deleted in Sage 50 after setup, the connector's saved login fails; Codat does not document that wording either.",
        },
      ],
    };
  }
  return {
    code: match.kind,
    reason: matchReason(match),
    confidence: confidenceOf(match),
    candidates: match.kind === "concurrent_login" ? [] : [clash],
  };
}

function matchReason(match: PushErrorMatch): string {
  return match.status === "documented"
    ? `The message matches documented wording (${match.source}).`
    : "The message matches wording we expect but Codat does not publish (assumed), so it may mean something else.";
}

/** Only a documented wording is certain; the documented validation summary without its errors is not. */
function confidenceOf(match: PushErrorMatch): DiagnosisConfidence {
  if (match.status === "assumed" || match.kind === "invalid_test_record") return "likely";
  return "certain";
}

function requestError(push: TestPushFacts): Ranking {
  const status = push.statusCode ?? null;
  const errors = push.validation?.errors ?? [];
  const code = requestErrorCode({ status, hasValidationErrors: errors.length > 0 });
  const answered = status === null ? "Codat did not answer." : `Codat answered HTTP ${status}.`;
  if (code === "invalid_test_record") {
    const namesField = errors.some((item) => Boolean(item.itemId?.trim()));
    return { code, reason: `Codat refused the request (HTTP ${status}) with validation errors.`, confidence: namesField ? "certain" : "likely", candidates: [] };
  }
  return requestErrorRanking(code, answered);
}

/**
 * A request that failed before the connector was reached: its meaning comes from the one mapping
 * (codat-request-errors.ts), and no cause on the PC is a candidate. Only an outage is uncertain.
 */
function requestErrorRanking(code: RequestErrorCode, reason: string): Ranking {
  return code === "codat_unavailable" ? { code, reason, confidence: "likely", candidates: [] } : certain(code, reason);
}
