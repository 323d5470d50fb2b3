import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rateLimits } from "@/lib/db/schema/events";
import { hitRateLimit } from "@/lib/rate-limit/enforce-rate-limit";
import { hashSecret } from "@/lib/setup-links/tokens";

/**
 * Abuse limits on guessing: staff passwords, setup-link tokens and short codes. Counted in the
 * database over sliding windows (lib/rate-limit), so every app instance shares them. Only failures
 * count: an attempt takes a slot at once (atomic, so parallel guesses cannot slip past) and gives it
 * back when it succeeds.
 */
export type AttemptLimit = { key: string; limit: number; windowSeconds: number };

/** Staff sign-in: failures per account and per address, in one 15-minute window. */
export const STAFF_SIGN_IN_WINDOW_SECONDS = 15 * 60;
export const STAFF_SIGN_IN_PER_EMAIL = 10;
const STAFF_SIGN_IN_PER_IP = 50;

/** Setup links (/s/<token>, the short code at /go, Auth.js's setup-link callback): failures per address. */
export const SETUP_LINK_WINDOW_SECONDS = 10 * 60;
export const SETUP_LINK_PER_IP = 30;

// Keys are hashed: whatever people type (an email, perhaps a password by mistake) is never stored.
const keyFor = (kind: string, value: string) => `${kind}:${hashSecret(value).slice(0, 32)}`;

export function staffSignInLimits(email: string, ip: string): AttemptLimit[] {
  const windowSeconds = STAFF_SIGN_IN_WINDOW_SECONDS;
  return [
    { key: keyFor("sign-in:email", email.trim().toLowerCase()), limit: STAFF_SIGN_IN_PER_EMAIL, windowSeconds },
    { key: keyFor("sign-in:ip", ip), limit: STAFF_SIGN_IN_PER_IP, windowSeconds },
  ];
}

export function setupLinkLimits(ip: string): AttemptLimit[] {
  return [{ key: keyFor("setup-link:ip", ip), limit: SETUP_LINK_PER_IP, windowSeconds: SETUP_LINK_WINDOW_SECONDS }];
}

export type AttemptGate =
  | { allowed: true; succeeded: () => Promise<void> }
  | { allowed: false; retryAfterSeconds: number };

/** Takes one attempt against every limit; call `succeeded()` when it turned out right. */
export async function takeAttempt(db: Db, limits: AttemptLimit[], now = new Date()): Promise<AttemptGate> {
  const hits: { limit: AttemptLimit; result: Awaited<ReturnType<typeof hitRateLimit>> }[] = [];
  for (const limit of limits) hits.push({ limit, result: await hitRateLimit(db, { ...limit, now }) });
  const refused = hits.filter((h) => !h.result.allowed);
  if (refused.length > 0) {
    return { allowed: false, retryAfterSeconds: Math.max(...refused.map((h) => h.result.retryAfterSeconds)) };
  }
  return {
    allowed: true,
    succeeded: async () => {
      for (const { limit } of hits) {
        const windowStart = windowStartOf(now, limit.windowSeconds);
        await db
          .update(rateLimits)
          .set({ count: sql`greatest(${rateLimits.count} - 1, 0)` })
          .where(and(eq(rateLimits.key, limit.key), eq(rateLimits.windowStart, windowStart)));
      }
    },
  };
}

function windowStartOf(now: Date, windowSeconds: number): Date {
  const ms = windowSeconds * 1000;
  return new Date(Math.floor(now.getTime() / ms) * ms);
}
