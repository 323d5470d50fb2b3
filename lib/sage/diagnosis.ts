import { describeDiagnosis, type DiagnosisContext } from "./diagnosis-copy";
import type { Diagnosis, DiagnosisCode } from "./diagnosis-codes";
import { helpSlugFor } from "./help-topics";
import { matchPushError, quotedNameIn } from "./push-error-patterns";
import type { ConnectionStatus, PushValidation, SetupFlow, TestPushStatus } from "./types";
import { describeDuration } from "./format-duration";
import { isTestPushRunning } from "./test-push-status";
import { requestErrorCode, type RequestErrorCode } from "./codat-request-errors";

/** A push still waiting after this long is no longer normal: the connector may be offline. */
const PUSH_SLOW_AFTER_MS = 2 * 60_000;

/** A last sync more recent than this means the connector was running not long ago. */
const RECENT_SYNC_MS = 60 * 60_000;

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
  /** Set when our latest call to Codat failed before a push operation existed (see codat-request-errors.ts). */
  errorKind?: RequestErrorCode | null;
};

/**
 * Explains the state of a company's test push in plain words, for the client and for support.
 *
 * Order of reasoning: a failed call to Codat first (nothing else is known), then the connection
 * (a push cannot work without a linked connector, whatever the last push said), then the push itself.
 */
export function diagnosePush(input: DiagnosePushInput): Diagnosis {
  const code = classifyPush(input);
  const text = describeDiagnosis(code, contextFor(input));
  return { code, ...text, helpSlug: helpSlugFor(code) };
}

/** Only the code of `diagnosePush`, for storing beside a test push or filtering. */
export function classifyPush(input: DiagnosePushInput): DiagnosisCode {
  if (input.errorKind) return input.errorKind;

  const connection = input.connection.status;
  if (connection === null || connection === "PendingAuth") return "connector_not_linked";
  if (connection === "Deauthorized") return "connector_uninstalled";
  if (connection === "Unlinked") return "connection_unlinked";

  const push = input.testPush;
  if (push === null) return "test_push_not_run";

  switch (push.status) {
    case "success":
      return "push_succeeded";
    case "starting":
    case "pending":
      return input.now.getTime() - push.startedAt.getTime() > PUSH_SLOW_AFTER_MS ? "push_slow" : "push_pending";
    case "timed_out":
      return "connector_offline";
    case "failed":
      return classifyFailedPush(push);
    case "error":
      return classifyRequestError(push);
  }
}

function classifyFailedPush(push: TestPushFacts): DiagnosisCode {
  if (push.codatStatus === "TimedOut") return "connector_offline";
  if (hasValidationErrors(push)) return "invalid_test_record";
  return matchPushError(push.errorMessage) ?? "unknown_failure";
}

function classifyRequestError(push: TestPushFacts): DiagnosisCode {
  return requestErrorCode({ status: push.statusCode ?? null, hasValidationErrors: hasValidationErrors(push) });
}

function hasValidationErrors(push: TestPushFacts): boolean {
  return (push.validation?.errors.length ?? 0) > 0;
}

function contextFor(input: DiagnosePushInput): DiagnosisContext {
  const push = input.testPush;
  const now = input.now.getTime();
  const lastSyncAt = input.connection.lastSyncAt;
  return {
    flow: input.setup.flow,
    pushUsername: nonEmpty(input.setup.pushUsername),
    everydayUsernames: input.setup.everydayUsernames,
    connectionStatus: input.connection.status,
    pushWaited: push ? waitedFor(push, input.now) : null,
    lastSyncAge: lastSyncAt ? describeDuration(now - lastSyncAt.getTime()) : null,
    lastSyncRecent: lastSyncAt !== null && now - lastSyncAt.getTime() < RECENT_SYNC_MS,
    errorMessage: nonEmpty(push?.errorMessage),
    namedLogin: quotedNameIn(push?.errorMessage),
    validationMessages: (push?.validation?.errors ?? []).map(formatValidationItem),
    statusCode: push?.statusCode ?? null,
  };
}

/** How long the push waited: until now while running, else until it completed (or hit its deadline). */
function waitedFor(push: TestPushFacts, now: Date): string | null {
  const end = isTestPushRunning(push.status) ? now : (push.completedAt ?? (push.status === "timed_out" ? push.deadlineAt : null));
  return end ? describeDuration(end.getTime() - push.startedAt.getTime()) : null;
}

function formatValidationItem(item: { itemId?: string | null; message?: string | null; validatorName?: string | null }) {
  const where = [item.validatorName, item.itemId].filter((part): part is string => Boolean(part)).join(" / ");
  const message = item.message?.trim() || "(no message)";
  return where ? `${where}: ${message}` : message;
}

function nonEmpty(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

export type ForeignCurrencyInput = {
  /** The company's base currency from Codat's company info; null while unknown. */
  baseCurrency: string | null;
  /** Currencies the integrator says it will push (admin setting). */
  pushCurrencies: readonly string[];
};

export type ForeignCurrencyResult = {
  /** True when a pushed currency differs from the base currency, or the base currency is not known yet. */
  needsForeignTrader: boolean;
  /** Distinct upper-case pushed currencies other than the base currency (all of them when it is unknown). */
  foreignCurrencies: string[];
};

/**
 * Whether the company needs Sage 50's Foreign Trader before push is turned on. Without it a bill in a
 * non-base currency is written, but no payment can be made against it later.
 *
 * An unknown base currency is treated as "may need it" so that enabling push is never waved through
 * on missing data; the client can still confirm Foreign Trader and continue.
 */
export function diagnoseForeignCurrency(input: ForeignCurrencyInput): ForeignCurrencyResult {
  const base = input.baseCurrency?.trim().toUpperCase() || null;
  const distinct = [...new Set(input.pushCurrencies.map((c) => c.trim().toUpperCase()).filter((c) => c.length > 0))];
  const foreignCurrencies = distinct.filter((currency) => currency !== base);
  return { needsForeignTrader: foreignCurrencies.length > 0, foreignCurrencies };
}
