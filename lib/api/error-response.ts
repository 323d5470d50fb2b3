import { NextResponse } from "next/server";
import { ZodError } from "zod";
import { AppError, unstorableText } from "@/lib/errors";
import { isUnstorableText } from "@/lib/db/pg-errors";
import { log } from "@/lib/log";
import { requestErrorAnswer, requestErrorCode } from "@/lib/sage/codat-request-errors";

type ErrorLike = { name?: unknown; status?: unknown; validation?: unknown; retryAfterSeconds?: unknown };

/** Maps any thrown value to `{ error: { code, message, details? } }`; unknown errors are logged, never shown. */
export function errorResponse(err: unknown): NextResponse {
  if (err instanceof AppError) {
    const headers: Record<string, string> = {};
    if (err.retryAfterSeconds) headers["Retry-After"] = String(err.retryAfterSeconds);
    return NextResponse.json(
      { error: { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) } },
      { status: err.status, headers },
    );
  }
  if (err instanceof ZodError) {
    // A schema parsed inside a handler (a header, say) is still bad input, never a 500.
    const fields = err.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message }));
    return NextResponse.json(
      { error: { code: "validation_failed", message: fields[0]?.message ?? "The request is not valid.", details: { fields } } },
      { status: 422 },
    );
  }
  const e = (err ?? {}) as ErrorLike;
  if (e.name === "CodatError") {
    // A Codat error no service turned into an AppError: the same mapping as everywhere (lib/sage).
    const validation = (e.validation ?? null) as { errors?: unknown[] } | null;
    const answer = requestErrorAnswer(
      requestErrorCode({ status: typeof e.status === "number" ? e.status : null, hasValidationErrors: (validation?.errors?.length ?? 0) > 0 }),
      typeof e.retryAfterSeconds === "number" ? e.retryAfterSeconds : null,
    );
    const headers: Record<string, string> = answer.retryAfterSeconds ? { "Retry-After": String(answer.retryAfterSeconds) } : {};
    return NextResponse.json({ error: { code: answer.code, message: answer.message } }, { status: answer.httpStatus, headers });
  }
  if (isUnstorableText(err)) return errorResponse(unstorableText());
  log.error("unhandled route error", { error: err });
  return NextResponse.json(
    { error: { code: "internal", message: "Something went wrong on our side. Try again; if it keeps happening, contact support." } },
    { status: 500 },
  );
}
