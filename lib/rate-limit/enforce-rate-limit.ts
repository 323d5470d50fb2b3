import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rateLimits } from "@/lib/db/schema/events";
import { AppError } from "@/lib/errors";

/**
 * Fixed-window counter in the database, so every app instance shares it. Throws 429 with
 * Retry-After once `limit` hits fall in the current window.
 */
export async function enforceRateLimit(db: Db, opts: { key: string; limit: number; windowSeconds: number; now?: Date }) {
  const result = await hitRateLimit(db, opts);
  if (!result.allowed) {
    throw new AppError("rate_limited", "Too many attempts. Wait a little, then try again.", {
      retryAfterSeconds: result.retryAfterSeconds,
    });
  }
}

export async function hitRateLimit(db: Db, opts: { key: string; limit: number; windowSeconds: number; now?: Date }) {
  const now = opts.now ?? new Date();
  const windowMs = opts.windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const [row] = await db
    .insert(rateLimits)
    .values({ key: opts.key, windowStart, count: 1 })
    .onConflictDoUpdate({ target: [rateLimits.key, rateLimits.windowStart], set: { count: sql`${rateLimits.count} + 1` } })
    .returning({ count: rateLimits.count });
  const count = row?.count ?? 1;
  const retryAfterSeconds = Math.max(1, Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000));
  return { allowed: count <= opts.limit, count, retryAfterSeconds };
}
