import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rateLimits } from "@/lib/db/schema/events";
import { AppError } from "@/lib/errors";

type RateLimit = { key: string; limit: number; windowSeconds: number; now?: Date };

/**
 * Sliding-window counter in the database, so every app instance shares it. Throws 429 with
 * Retry-After once `limit` hits fall in the last `windowSeconds`.
 */
export async function enforceRateLimit(db: Db, opts: RateLimit) {
  const result = await hitRateLimit(db, opts);
  if (!result.allowed) {
    throw new AppError("rate_limited", "Too many attempts. Wait a little, then try again.", {
      retryAfterSeconds: result.retryAfterSeconds,
    });
  }
}

/**
 * Counts one hit. Hits are kept per fixed window (one row per key and window, incremented
 * atomically), and the previous window's count weighs in for the part of it that still lies within
 * the last `windowSeconds`: so a burst just before a window's end cannot be followed by a full second
 * burst just after it, as with plain fixed windows.
 */
export async function hitRateLimit(db: Db, opts: RateLimit) {
  const now = opts.now ?? new Date();
  const windowMs = opts.windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const [row] = await db
    .insert(rateLimits)
    .values({ key: opts.key, windowStart, count: 1 })
    .onConflictDoUpdate({ target: [rateLimits.key, rateLimits.windowStart], set: { count: sql`${rateLimits.count} + 1` } })
    .returning({ count: rateLimits.count });
  const [previous] = await db
    .select({ count: rateLimits.count })
    .from(rateLimits)
    .where(and(eq(rateLimits.key, opts.key), eq(rateLimits.windowStart, new Date(windowStart.getTime() - windowMs))));
  const window = { start: windowStart.getTime(), ms: windowMs };
  const counts = { current: row?.count ?? 1, previous: previous?.count ?? 0 };
  const allowed = weighted(counts, (now.getTime() - window.start) / window.ms) <= opts.limit;
  return { allowed, count: counts.current, retryAfterSeconds: allowed ? 0 : secondsUntilAllowed(counts, opts.limit, window, now) };
}

/** The hits in the last window's length: this window's, plus the previous one's still in reach. */
function weighted(counts: { current: number; previous: number }, elapsed: number): number {
  return counts.current + counts.previous * (1 - elapsed);
}

/** How long until one more hit would be allowed, if nothing else comes in meanwhile. */
function secondsUntilAllowed(counts: { current: number; previous: number }, limit: number, window: { start: number; ms: number }, now: Date) {
  const room = limit - counts.current - 1;
  let at: number;
  if (room >= 0 && counts.previous > 0) {
    // Later in this window, once enough of the previous window's hits have slid out of reach.
    at = window.start + window.ms * (1 - room / counts.previous);
  } else {
    // In the next window, once enough of this window's hits have.
    at = window.start + window.ms + (counts.current > 0 ? window.ms * Math.max(0, 1 - (limit - 1) / counts.current) : 0);
  }
  return Math.max(1, Math.ceil((at - now.getTime()) / 1000));
}
