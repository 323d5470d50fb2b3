import { NextResponse } from "next/server";
import { ZodError } from "zod";
import { AppError, unstorableText } from "@/lib/errors";
import { isUnstorableText } from "@/lib/db/pg-errors";
import { log } from "@/lib/log";

type ErrorLike = { name?: unknown; code?: unknown; message?: unknown; status?: unknown };

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
    const code = String(e.code);
    const busy = code === "rate_limited" || code === "upstream_unavailable" || code === "timeout";
    return NextResponse.json(
      {
        error: {
          code: busy ? "codat_unavailable" : "codat_error",
          message: busy
            ? "Codat is not answering right now. Nothing is lost: try again in a minute."
            : String(e.message ?? "Codat refused the request."),
        },
      },
      { status: busy ? 503 : 502, headers: busy ? { "Retry-After": "30" } : {} },
    );
  }
  if (isUnstorableText(err)) return errorResponse(unstorableText());
  log.error("unhandled route error", { error: err });
  return NextResponse.json(
    { error: { code: "internal", message: "Something went wrong on our side. Try again; if it keeps happening, contact support." } },
    { status: 500 },
  );
}
