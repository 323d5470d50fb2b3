/**
 * One error type for the whole app: a code, an HTTP status and a message fit for people.
 * Routes turn it into `{ error: { code, message, details? } }`.
 */
export type AppErrorCode =
  | "unauthorized"
  | "forbidden"
  | "insufficient_scope"
  | "not_found"
  | "validation_failed"
  | "invalid_json"
  | "password_not_accepted"
  | "conflict"
  | "idempotency_key_reused"
  | "idempotency_key_in_use"
  | "external_id_in_use"
  | "rate_limited"
  | "payload_too_large"
  | "unsupported_media_type"
  | "method_not_allowed"
  | "link_expired"
  | "link_replaced"
  | "link_invalid"
  | "connection_not_linked"
  | "test_push_required"
  | "foreign_trader_unconfirmed"
  | "test_push_running"
  | "step_locked"
  | "codat_unavailable"
  | "codat_auth_failed"
  | "codat_not_found"
  | "codat_conflict"
  | "codat_bad_request"
  | "invalid_test_record"
  | "simulator_only"
  | "import_not_found"
  | "import_no_sage50"
  | "import_not_linked"
  | "import_duplicate"
  | "endpoint_url_refused"
  | "internal";

const defaultStatus: Record<AppErrorCode, number> = {
  unauthorized: 401,
  forbidden: 403,
  insufficient_scope: 403,
  not_found: 404,
  validation_failed: 422,
  invalid_json: 400,
  password_not_accepted: 422,
  conflict: 409,
  idempotency_key_reused: 422,
  idempotency_key_in_use: 409,
  external_id_in_use: 409,
  rate_limited: 429,
  payload_too_large: 413,
  unsupported_media_type: 415,
  method_not_allowed: 405,
  link_expired: 410,
  link_replaced: 410,
  link_invalid: 404,
  connection_not_linked: 409,
  test_push_required: 409,
  foreign_trader_unconfirmed: 409,
  test_push_running: 409,
  step_locked: 409,
  codat_unavailable: 503,
  codat_auth_failed: 502,
  codat_not_found: 502,
  codat_conflict: 409,
  codat_bad_request: 502,
  invalid_test_record: 502,
  simulator_only: 404,
  import_not_found: 404,
  import_no_sage50: 422,
  import_not_linked: 422,
  import_duplicate: 409,
  endpoint_url_refused: 422,
  internal: 500,
};

export class AppError extends Error {
  override name = "AppError";
  readonly code: AppErrorCode;
  readonly status: number;
  readonly details?: unknown;
  readonly retryAfterSeconds?: number;

  constructor(
    code: AppErrorCode,
    message: string,
    opts: { status?: number; details?: unknown; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.code = code;
    this.status = opts.status ?? defaultStatus[code];
    this.details = opts.details;
    this.retryAfterSeconds = opts.retryAfterSeconds;
  }
}

export const notFound = (what = "That record") => new AppError("not_found", `${what} was not found.`);
export const unauthorized = () => new AppError("unauthorized", "Sign in to continue.");

/** Input PostgreSQL cannot store (a NUL character): refused like any other bad field. */
export const unstorableText = () =>
  new AppError("validation_failed", "The request contains a character that cannot be saved (a NUL character). Remove it and try again.");
