import type { TestPushStatus } from "./types";

/**
 * Which test-push statuses mean what. The one place that says a push is "still running": the
 * database's one-running-push index, the support list's filters, the follower, the wizard's poll and
 * the console all read these lists (the SQL copies are checked by lib/db/status-lists.test.ts).
 */

/** Not finished: we are asking Codat (`starting`) or Codat is waiting for the connector (`pending`). */
export const RUNNING_TEST_PUSH_STATUSES = ["starting", "pending"] as const satisfies readonly TestPushStatus[];
export type RunningTestPushStatus = (typeof RUNNING_TEST_PUSH_STATUSES)[number];

/** Finished without success: the support list's "failing" filter. */
export const FAILING_TEST_PUSH_STATUSES = ["failed", "timed_out", "error"] as const satisfies readonly TestPushStatus[];

/** True while the push has no outcome yet; false for none at all. */
export function isTestPushRunning(status: TestPushStatus | null | undefined): status is RunningTestPushStatus {
  return status != null && (RUNNING_TEST_PUSH_STATUSES as readonly string[]).includes(status);
}

/**
 * The admin's test-push deadline (`testPushTimeoutMinutes`): how long Codat waits for the connector
 * before it calls the push timed out. Read by the settings form and route, the settings column's
 * default and check, and the start of each new push.
 */
export const TEST_PUSH_TIMEOUT_MINUTES = { min: 1, max: 60, default: 5 } as const;

/** How long a push is still followed after our deadline, for a late answer from Codat (Codat may still write after a timeout). */
export const LATE_FOLLOW_HOURS = 24;
