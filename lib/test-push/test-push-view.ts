import { diagnosePush } from "@/lib/sage/diagnosis";
import { requestErrorCode, type RequestErrorCode } from "@/lib/sage/codat-request-errors";
import type { Diagnosis } from "@/lib/sage/diagnosis-codes";
import type { TestPushRow } from "@/lib/db/queries/test-pushes";
import type { CompanyRow } from "@/lib/db/queries/companies";

export type TestPushView = {
  id: string;
  status: TestPushRow["status"];
  pushOperationKey: string | null;
  supplierRef: string;
  supplierName: string;
  startedAt: string;
  completedAt: string | null;
  deadlineAt: string;
  elapsedMs: number;
  startedBy: TestPushRow["startedByType"];
  errorMessage: string | null;
  onCurrentConnection: boolean;
  /** Timed out by our deadline and still followed at Codat until then, for a late answer; null otherwise. */
  followingUntil: string | null;
  diagnosis: Diagnosis;
};

/**
 * The one body of the test-push routes: POST (start), GET of the latest and GET of one by id or key
 * all answer `{ testPush }`; only the latest can be null (the company has run none yet).
 */
export type TestPushResponse = { testPush: TestPushView };
export type LatestTestPushResponse = { testPush: TestPushView | null };

type SetupFacts = { pushUsername: string | null; everydayUsernames: string[] };

/** What the wizard and support see of one test push, with its diagnosis in plain words. */
export function toTestPushView(
  row: TestPushRow,
  company: Pick<CompanyRow, "codatConnectionId" | "connectionStatus" | "lastSyncAt" | "flow">,
  setup: SetupFacts,
  now = new Date(),
): TestPushView {
  const onCurrent = row.connectionId === company.codatConnectionId;
  const end = row.completedAt ?? now;
  const diagnosis = diagnosePush({
    testPush: {
      status: row.status,
      codatStatus: row.codatStatus,
      statusCode: row.statusCode,
      errorMessage: row.errorMessage,
      validation: row.validation,
      startedAt: row.startedAt,
      completedAt: row.completedAt,
      deadlineAt: row.deadlineAt,
    },
    // A push on an older connection is explained on its own terms, not by today's connection.
    connection: onCurrent
      ? { status: company.connectionStatus, lastSyncAt: company.lastSyncAt }
      : { status: "Linked", lastSyncAt: null },
    setup: { pushUsername: setup.pushUsername, everydayUsernames: setup.everydayUsernames, flow: company.flow },
    now,
    errorKind: requestErrorOf(row),
  });
  return {
    id: row.id,
    status: row.status,
    pushOperationKey: row.pushOperationKey,
    supplierRef: row.supplierRef,
    supplierName: row.supplierName,
    startedAt: row.startedAt.toISOString(),
    completedAt: row.completedAt?.toISOString() ?? null,
    deadlineAt: row.deadlineAt.toISOString(),
    elapsedMs: Math.max(0, end.getTime() - row.startedAt.getTime()),
    startedBy: row.startedByType,
    errorMessage: row.errorMessage,
    onCurrentConnection: onCurrent,
    followingUntil: row.status === "timed_out" && row.followUntil && row.followUntil > now ? row.followUntil.toISOString() : null,
    diagnosis,
  };
}

/** What a push that ended in a request error means (the one mapping), or null for any other push. */
export function requestErrorOf(row: Pick<TestPushRow, "status" | "statusCode" | "validation">): RequestErrorCode | null {
  if (row.status !== "error") return null;
  return requestErrorCode({ status: row.statusCode, hasValidationErrors: (row.validation?.errors.length ?? 0) > 0 });
}
