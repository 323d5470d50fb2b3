import { z } from "zod";
import type { PlatformSchemas } from "./spec-types";
import type { ValidationItem, ValidationResult } from "./types";

/** What went wrong talking to Codat, in as few kinds as the product needs to tell apart. */
export type CodatErrorCode =
  | "unauthorized"
  | "not_found"
  | "conflict"
  | "validation"
  | "rate_limited"
  | "upstream_unavailable"
  | "timeout"
  | "bad_request";

/**
 * `CodatError.message`: plain words for logs and for callers that show nothing better. What people
 * are told, and how our API answers, comes from what the error means (`requestErrorCode` in
 * lib/sage/codat-request-errors.ts, through lib/codat-errors): a 4xx is never called an outage there.
 */
export const CODAT_ERROR_MESSAGES: Record<CodatErrorCode, string> = {
  unauthorized:
    "We could not sign in to Codat. This is a problem with our own set-up, not yours: please tell support.",
  not_found:
    "Codat has no record of this company or connection. It may have been removed: ask support to check it.",
  conflict: "Codat could not do this yet because of the state the company is in. Try again shortly; if it keeps happening, tell support.",
  validation: "Codat did not accept the details we sent. This is a problem on our side: please tell support.",
  rate_limited: "Codat is busy right now. Nothing is lost: try again in a minute.",
  upstream_unavailable: "Codat is not answering at the moment. Nothing is lost: try again in a few minutes.",
  timeout: "Codat took too long to answer. Nothing is lost: try again in a minute.",
  bad_request: "Codat could not handle this request. Please tell support so that we can look into it.",
};

/** The codes for which trying again later is the whole fix. */
const TRANSIENT_CODAT_ERRORS: ReadonlySet<CodatErrorCode> = new Set([
  "rate_limited",
  "upstream_unavailable",
  "timeout",
]);

export interface CodatErrorOptions {
  /** Technical description for logs (method, path, status, Codat's own text). Never shown to people. */
  detail?: string;
  /** What was asked, with the spec's path template (no ids): "GET /companies/{companyId}". */
  operation?: string;
  /** Codat's own `error` text from its error body, with the API key removed. */
  upstreamMessage?: string;
  status?: number;
  correlationId?: string;
  canBeRetried?: boolean;
  validation?: ValidationResult;
  detailedErrorCode?: number;
  service?: string;
  retryAfterSeconds?: number;
  cause?: unknown;
}

export class CodatError extends Error {
  override name = "CodatError";
  readonly code: CodatErrorCode;
  readonly detail: string;
  readonly operation?: string;
  readonly upstreamMessage?: string;
  readonly status?: number;
  readonly correlationId?: string;
  readonly canBeRetried?: boolean;
  readonly validation?: ValidationResult;
  readonly detailedErrorCode?: number;
  readonly service?: string;
  readonly retryAfterSeconds?: number;

  constructor(code: CodatErrorCode, opts: CodatErrorOptions = {}) {
    super(CODAT_ERROR_MESSAGES[code], opts.cause === undefined ? undefined : { cause: opts.cause });
    this.code = code;
    this.detail = opts.detail ?? code;
    this.operation = opts.operation;
    this.upstreamMessage = opts.upstreamMessage;
    this.status = opts.status;
    this.correlationId = opts.correlationId;
    this.canBeRetried = opts.canBeRetried;
    this.validation = opts.validation;
    this.detailedErrorCode = opts.detailedErrorCode;
    this.service = opts.service;
    this.retryAfterSeconds = opts.retryAfterSeconds;
  }

  /** True when waiting and trying again is all that can be done. */
  get isTransient(): boolean {
    return TRANSIENT_CODAT_ERRORS.has(this.code);
  }

  /** A log-friendly view (no stack, no secrets). */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      code: this.code,
      detail: this.detail,
      operation: this.operation,
      status: this.status,
      correlationId: this.correlationId,
      canBeRetried: this.canBeRetried,
      detailedErrorCode: this.detailedErrorCode,
      validation: this.validation,
      retryAfterSeconds: this.retryAfterSeconds,
    };
  }
}

export function isCodatError(err: unknown): err is CodatError {
  return err instanceof CodatError;
}

/** Maps an HTTP status from Codat to our code; `hasValidation` tells a rejected record from a bad call. */
function codeForStatus(status: number, hasValidation: boolean): CodatErrorCode {
  if (status === 401 || status === 402 || status === 403) return "unauthorized";
  if (status === 404) return "not_found";
  if (status === 409) return "conflict";
  if (status === 429) return "rate_limited";
  if (status >= 500) return "upstream_unavailable";
  if (status === 422 || hasValidation) return "validation";
  return "bad_request";
}

type ErrorMessageBody = PlatformSchemas["ErrorMessage"];

const validationItemSchema = z.object({
  itemId: z.string().nullish(),
  message: z.string().nullish(),
  validatorName: z.string().nullish(),
});

/** Loose on purpose: whatever part of Codat's error body is readable is kept. */
const errorMessageSchema = z.object({
  statusCode: z.number().int().optional().catch(undefined),
  service: z.string().optional().catch(undefined),
  error: z.string().optional().catch(undefined),
  correlationId: z.string().optional().catch(undefined),
  validation: z
    .object({ errors: z.array(validationItemSchema).nullish(), warnings: z.array(validationItemSchema).nullish() })
    .nullish()
    .catch(undefined),
  // The spec types this as a string; accept a boolean too.
  canBeRetried: z.union([z.string(), z.boolean()]).optional().catch(undefined),
  detailedErrorCode: z.number().int().optional().catch(undefined),
});

// Compile-time check that the parser reads Codat's ErrorMessage and nothing else.
type ParsedErrorMessage = z.infer<typeof errorMessageSchema>;
type _ErrorFieldsExist = Exclude<keyof ParsedErrorMessage, keyof ErrorMessageBody> extends never ? true : never;
const _errorFieldsExist: _ErrorFieldsExist = true;
void _errorFieldsExist;

function toValidationItem(item: z.infer<typeof validationItemSchema>): ValidationItem {
  return { itemId: item.itemId ?? null, message: item.message ?? null, validatorName: item.validatorName ?? null };
}

function parseCanBeRetried(value: string | boolean | undefined): boolean | undefined {
  if (typeof value === "boolean") return value;
  if (value === undefined) return undefined;
  const v = value.trim().toLowerCase();
  if (v === "true" || v === "yes") return true;
  if (v === "false" || v === "no") return false;
  return undefined;
}

export interface ResponseContext {
  method: string;
  path: string;
  /** The spec's path template, when known. */
  template?: string;
  retryAfterSeconds?: number;
  /** Removes secrets from any text that ends up in the error. */
  redact: (text: string) => string;
}

/** Builds the error for a non-2xx answer, reading Codat's ErrorMessage body where there is one. */
export function codatErrorFromResponse(status: number, body: unknown, ctx: ResponseContext): CodatError {
  const parsed = errorMessageSchema.safeParse(body);
  const info: ParsedErrorMessage = parsed.success ? parsed.data : {};
  const errors = (info.validation?.errors ?? []).map(toValidationItem);
  const warnings = (info.validation?.warnings ?? []).map(toValidationItem);
  const hasValidation = errors.length > 0;
  const code = codeForStatus(status, hasValidation);
  const upstreamText = info.error ? `: ${info.error}` : typeof body === "string" && body ? `: ${body.slice(0, 300)}` : "";
  return new CodatError(code, {
    detail: ctx.redact(`Codat ${ctx.method} ${ctx.path} answered ${status}${upstreamText}`),
    operation: ctx.template ? `${ctx.method} ${ctx.template}` : undefined,
    upstreamMessage: info.error ? ctx.redact(info.error) : undefined,
    status,
    correlationId: info.correlationId,
    canBeRetried: parseCanBeRetried(info.canBeRetried),
    validation: errors.length > 0 || warnings.length > 0 ? { errors, warnings } : undefined,
    detailedErrorCode: info.detailedErrorCode,
    service: info.service,
    retryAfterSeconds: ctx.retryAfterSeconds,
  });
}
