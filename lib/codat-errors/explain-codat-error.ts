import type { CodatError } from "@/lib/codat/errors";
import type { PushOperation, ValidationResult } from "@/lib/codat/types";
import { AppError } from "@/lib/errors";
import { redact } from "@/lib/log";
import { boundedEvidence, type CodatEvidence } from "@/lib/sage/codat-evidence";
import { requestErrorAnswer, requestErrorCode, type RequestErrorCode } from "@/lib/sage/codat-request-errors";

/**
 * Every Codat request error the services meet goes through here: what it means (the one mapping in
 * lib/sage/codat-request-errors.ts), what Codat said (evidence for support) and how our API answers.
 */

/** Values to keep out of evidence besides what the log rules remove: the company's license key. */
type Hide = { hide?: readonly (string | null | undefined)[] };

function cleaner(opts: Hide): (text: string | null | undefined) => string | null {
  const secrets = (opts.hide ?? []).filter((s): s is string => typeof s === "string" && s.length >= 4);
  return (text) => {
    if (text === null || text === undefined || text === "") return null;
    return redact(secrets.reduce((out, secret) => out.split(secret).join("[redacted]"), text));
  };
}

/** What the failed request means. */
export function codatErrorCode(err: CodatError): RequestErrorCode {
  return requestErrorCode({ status: err.status ?? null, hasValidationErrors: (err.validation?.errors.length ?? 0) > 0 });
}

function validationEvidence(validation: ValidationResult | undefined, clean: ReturnType<typeof cleaner>): CodatEvidence["validation"] {
  if (!validation || (validation.errors.length === 0 && validation.warnings.length === 0)) return null;
  const item = (i: ValidationResult["errors"][number]) => ({ itemId: clean(i.itemId), message: clean(i.message), validatorName: clean(i.validatorName) });
  return { errors: validation.errors.map(item), warnings: validation.warnings.map(item) };
}

/** What Codat said when a request failed (its ErrorMessage body), or that no answer came. */
export function codatErrorEvidence(err: CodatError, opts: Hide = {}): CodatEvidence {
  const clean = cleaner(opts);
  return boundedEvidence({
    request: err.operation ?? null,
    httpStatus: err.status ?? null,
    pushStatus: null,
    statusCode: err.status ?? null,
    errorMessage: clean(err.upstreamMessage),
    validation: validationEvidence(err.validation, clean),
    correlationId: clean(err.correlationId),
    canBeRetried: err.canBeRetried ?? null,
    detailedErrorCode: err.detailedErrorCode ?? null,
    note: err.status === undefined ? clean(err.detail) : null,
  });
}

/** What Codat reported about a push operation (the answer to creating it, or to reading it). */
export function pushOperationEvidence(op: PushOperation, request: string, opts: Hide = {}): CodatEvidence {
  const clean = cleaner(opts);
  return boundedEvidence({
    request,
    httpStatus: 200,
    pushStatus: op.status,
    statusCode: op.statusCode,
    errorMessage: clean(op.errorMessage),
    validation: validationEvidence(op.validation, clean),
    correlationId: null,
    canBeRetried: null,
    detailedErrorCode: null,
    note: null,
  });
}

/** Our API's answer to a request that failed at Codat: a calm message, never "not answering" for a 4xx. */
export function appErrorForCodat(err: CodatError): AppError {
  const answer = requestErrorAnswer(codatErrorCode(err), err.retryAfterSeconds);
  return new AppError(answer.code, answer.message, { status: answer.httpStatus, retryAfterSeconds: answer.retryAfterSeconds ?? undefined });
}
