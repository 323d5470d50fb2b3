import type { Db } from "@/lib/db/client";
import type { CodatClient } from "@/lib/codat/client";
import { getPushOperation } from "@/lib/codat/push-operations";
import { isCodatError } from "@/lib/codat/errors";
import type { PushOperation, PushStatus } from "@/lib/codat/types";
import { codatErrorEvidence, pushOperationEvidence } from "@/lib/codat-errors/explain-codat-error";
import { claimCodatCall, type CompanyRow } from "@/lib/db/queries/companies";
import type { StoredCandidate } from "@/lib/db/schema/push-health";
import { boundedEvidence, type CodatEvidence } from "@/lib/sage/codat-evidence";
import { diagnosePush } from "@/lib/sage/diagnosis";
import type { DiagnosisCode, DiagnosisConfidence } from "@/lib/sage/diagnosis-codes";

/** However many writes fail at once, Codat is asked about one of a company's push operations at most this often (all instances). */
const PUSH_OPERATION_READ_INTERVAL_MS = 1_000;

const READ_PUSH_OPERATION = "GET /companies/{companyId}/push/{pushOperationKey}";

export type WriteDiagnosis = {
  diagnosisCode: DiagnosisCode;
  confidence: DiagnosisConfidence;
  diagnosisReason: string;
  candidates: StoredCandidate[];
  evidence: CodatEvidence;
};

/** What a write webhook says of a failed operation (no message: Codat's webhook carries none). */
export type FailedWriteSeen = { key: string; status: PushStatus; requestedAt: Date | null; completedAt: Date };

/**
 * Diagnoses a failed write with the same rules as a test push (`diagnosePush`): the push operation is
 * read from Codat for its message, status code and validation, within the company's shared throttle
 * (`claimCodatCall`, the mechanism that throttles connection checks). When the throttle refuses or
 * Codat does not answer, the diagnosis is made from what the webhook said, and the evidence says why.
 */
export async function diagnoseFailedWrite(db: Db, codat: CodatClient, company: CompanyRow, seen: FailedWriteSeen): Promise<WriteDiagnosis> {
  const read = await readOperation(db, codat, company, seen);
  const op = read.op;
  const status = op?.status ?? seen.status;
  const completedAt = op?.completedAt ? new Date(op.completedAt) : seen.completedAt;
  const startedAt = op ? new Date(op.requestedAt) : (seen.requestedAt ?? completedAt);
  const diagnosis = diagnosePush({
    testPush: {
      status: status === "TimedOut" ? "timed_out" : "failed",
      codatStatus: status,
      statusCode: op?.statusCode ?? null,
      errorMessage: op?.errorMessage ?? null,
      validation: op?.validation ?? null,
      startedAt,
      completedAt,
      deadlineAt: completedAt,
    },
    connection: { status: company.connectionStatus, lastSyncAt: company.lastSyncAt },
    setup: { everydayUsernames: [], flow: company.flow },
    now: completedAt,
  });
  return {
    diagnosisCode: diagnosis.code,
    confidence: diagnosis.confidence,
    diagnosisReason: diagnosis.reason,
    candidates: diagnosis.candidates.map(({ code, reason }) => ({ code, reason })),
    evidence: read.evidence,
  };
}

async function readOperation(
  db: Db,
  codat: CodatClient,
  company: CompanyRow,
  seen: FailedWriteSeen,
): Promise<{ op: PushOperation | null; evidence: CodatEvidence }> {
  const hide = { hide: [company.codatCompanyId] };
  if (!(await claimCodatCall(db, company.id, "pushOperation", PUSH_OPERATION_READ_INTERVAL_MS))) {
    return { op: null, evidence: webhookOnly(seen.status, "Not read from Codat: another read for this company ran less than a second ago.") };
  }
  try {
    const op = await getPushOperation(codat, company.codatCompanyId, seen.key);
    return { op, evidence: pushOperationEvidence(op, READ_PUSH_OPERATION, hide) };
  } catch (err) {
    if (!isCodatError(err)) throw err;
    return { op: null, evidence: codatErrorEvidence(err, hide) };
  }
}

function webhookOnly(pushStatus: PushStatus, note: string): CodatEvidence {
  return boundedEvidence({
    request: "webhook",
    httpStatus: null,
    pushStatus,
    statusCode: null,
    errorMessage: null,
    validation: null,
    correlationId: null,
    canBeRetried: null,
    detailedErrorCode: null,
    note,
  });
}
