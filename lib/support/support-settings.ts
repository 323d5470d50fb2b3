import type { Db } from "@/lib/db/client";
import { getSettings } from "@/lib/db/queries/settings";
import { DEFAULT_STUCK_AFTER_DAYS } from "@/lib/sage/support-status";

/** The rule's default, for callers without a database at hand (the scale test). */
export const STUCK_AFTER_DAYS = DEFAULT_STUCK_AFTER_DAYS;

/**
 * A setup counts as "stuck" (stalled) when push is off and nothing has happened for this many days
 * (any event moves companies.last_activity_at: the client, Codat, or staff): the reminder delay the
 * admin set, so the list, the insights page and the reminders mean the same setups.
 */
export async function loadStuckAfterDays(db: Db): Promise<number> {
  return (await getSettings(db)).reminderDelayDays;
}
