import { log } from "@/lib/log";

/** Auth.js error kinds that are a visitor's doing (a wrong password, a stale form), not a fault of ours. */
const VISITOR_ERRORS = new Set(["CredentialsSignin", "MissingCSRF", "UnknownAction", "InvalidCheck", "AccessDenied"]);

/**
 * Auth.js's messages through our JSON log lines (so the same redaction applies) instead of its
 * coloured console output with stack traces: one line per refusal, the cause kept for real faults.
 */
export const authLogger = {
  error(error: Error) {
    // Auth.js errors carry their kind in `type` (importing next-auth here would tie this to Next's runtime).
    const kind = (error as Error & { type?: unknown }).type;
    const type = typeof kind === "string" ? kind : error.name;
    const cause = (error.cause as { err?: unknown } | undefined)?.err;
    if (VISITOR_ERRORS.has(type)) log.info("auth: request refused", { type });
    else log.error("auth: error", { type, error, ...(cause ? { cause } : {}) });
  },
  warn(code: string) {
    log.warn("auth: warning", { code });
  },
  debug() {
    /* Auth.js debug output is off */
  },
};
