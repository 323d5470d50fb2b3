/** Retry rules for calls to Codat: pure functions, so they can be tested without a server. */

/** Exponential backoff with full jitter: a random wait between 0 and min(cap, base × 2^(attempt − 1)). */
export function backoffDelayMs(attempt: number, baseDelayMs: number, maxDelayMs: number, random = Math.random): number {
  const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * ceiling);
}

/**
 * Reads a Retry-After header: delay-seconds or an HTTP date. Returns milliseconds to wait (0 for a
 * date already past), or undefined when the header is absent or unreadable.
 */
export function parseRetryAfterMs(header: string | null | undefined, now: number = Date.now()): number | undefined {
  if (header === null || header === undefined) return undefined;
  const value = header.trim();
  if (value === "") return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  // An HTTP date always names its month; this keeps Date.parse from reading "-3" as a year.
  if (!/[a-z]{3}/i.test(value)) return undefined;
  const at = Date.parse(value);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

/** Statuses worth another attempt for any request. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

/**
 * Statuses that say the server did not act on the request, so even a POST (which would otherwise
 * risk creating a second company or a second push) can be sent again.
 */
export function isNotProcessedStatus(status: number): boolean {
  return status === 429 || status === 503;
}

const NOT_SENT_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]);

/** True when a network error shows the request never reached the server (safe to resend a POST). */
export function wasNeverSent(err: unknown): boolean {
  let current: unknown = err;
  for (let depth = 0; depth < 4 && current instanceof Error; depth++) {
    const code = (current as Error & { code?: unknown }).code;
    if (typeof code === "string" && NOT_SENT_CODES.has(code)) return true;
    current = current.cause;
  }
  return false;
}
