import { lt } from "drizzle-orm";
import type { Db } from "../client";
import { rateLimits } from "../schema/events";

/** Deletes abuse-limit counters whose window started before `before`. */
export async function pruneRateLimitWindows(db: Db, before: Date): Promise<number> {
  const rows = await db.delete(rateLimits).where(lt(rateLimits.windowStart, before)).returning({ key: rateLimits.key });
  return rows.length;
}
