import { describeDiagnosis } from "./diagnosis-copy";
import type { DiagnosisContext } from "./diagnosis-words";
import type { Diagnosis, DiagnosisCode } from "./diagnosis-codes";
import { rankCauses, type DiagnosePushInput, type TestPushFacts } from "./diagnosis-ranking";
import { helpSlugFor } from "./help-topics";
import { quotedNameIn } from "./push-error-patterns";
import { describeDuration } from "./format-duration";
import { isTestPushRunning } from "./test-push-status";

/** A last sync more recent than this means the connector was running not long ago. */
const RECENT_SYNC_MS = 60 * 60_000;

/**
 * Explains the state of a company's test push in plain words, for the client and for support: the
 * most likely cause (`code`, with its `confidence`), then the other causes worth checking, ranked,
 * each with why it fits and its fix. What Codat said is kept verbatim in `message`.
 */
export function diagnosePush(input: DiagnosePushInput): Diagnosis {
  const ranking = rankCauses(input);
  const ctx = contextFor(input);
  const text = describeDiagnosis(ranking.code, ctx);
  return {
    code: ranking.code,
    confidence: ranking.confidence,
    reason: ranking.reason,
    ...text,
    helpSlug: helpSlugFor(ranking.code),
    message: ctx.errorMessage,
    candidates: ranking.candidates.map(({ code, reason }) => {
      // A name quoted in a message that did not match this cause says nothing about it.
      const { title, clientSteps } = describeDiagnosis(code, { ...ctx, namedLogin: null });
      return { code, title, reason, fix: clientSteps, helpSlug: helpSlugFor(code) };
    }),
  };
}

/** Only the code of `diagnosePush`, for storing beside a test push or filtering. */
export function classifyPush(input: DiagnosePushInput): DiagnosisCode {
  return rankCauses(input).code;
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
