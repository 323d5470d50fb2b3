import { DEFAULT_STUCK_AFTER_DAYS } from "@/lib/sage/support-status";

/**
 * A setup counts as "stuck" when push is off and nothing has happened for this many days (any event
 * moves companies.last_activity_at: the client, Codat, or staff). The settings table has no column
 * for it, so it is the rule's default; to make it an admin setting, add `stuck_after_days` to
 * `settings` and read it here.
 */
export const STUCK_AFTER_DAYS = DEFAULT_STUCK_AFTER_DAYS;
