import { FAILING_TEST_PUSH_STATUSES, RUNNING_TEST_PUSH_STATUSES } from "./test-push-status";
import type { ConnectionStatus, TestPushStatus } from "./types";

/**
 * The support list's three filters. The SQL filters must match `classifySetup` exactly; the rule,
 * for a company row c and the latest test push t of that company (any connection; null when none):
 *
 *   stuck              := c.push_enabled = false
 *                         AND c.last_activity_at <= now - (stuckAfterDays days)
 *   failing            := t.status IN FAILING_TEST_PUSH_STATUSES          -- test-push-status.ts
 *                         OR c.connection_status IN BROKEN_CONNECTION_STATUSES  -- 'Unlinked', 'Deauthorized'
 *   waitingOnConnector := c.connection_status IS NULL
 *                         OR c.connection_status IN WAITING_CONNECTION_STATUSES -- 'PendingAuth'
 *                         OR t.status IN RUNNING_TEST_PUSH_STATUSES      -- test-push-status.ts
 *
 * In SQL, `t.status IN (...)` is simply false when there is no test push (a LEFT JOIN gives NULL),
 * which is what the code does with a null status. The three flags are independent: a row may be
 * stuck and failing at once.
 */
export const BROKEN_CONNECTION_STATUSES = ["Unlinked", "Deauthorized"] as const satisfies readonly ConnectionStatus[];
export const WAITING_CONNECTION_STATUSES = ["PendingAuth"] as const satisfies readonly ConnectionStatus[];

/** Default for `stuckAfterDays` when the admin has not set one. */
export const DEFAULT_STUCK_AFTER_DAYS = 3;

const DAY_MS = 24 * 60 * 60 * 1000;

export type SetupStatusInput = {
  lastActivityAt: Date;
  now: Date;
  stuckAfterDays: number;
  connectionStatus: ConnectionStatus | null;
  /** Status of the company's latest test push, or null when it has none. */
  latestTestPushStatus: TestPushStatus | null;
  pushEnabled: boolean;
};

export type SetupStatusFlags = {
  /** Not finished and nobody has done anything for `stuckAfterDays` days or more. */
  stuck: boolean;
  /** The latest test push went wrong, or the connection is broken. */
  failing: boolean;
  /** Nothing can move until the connector links or collects a running test push. */
  waitingOnConnector: boolean;
};

export function classifySetup(input: SetupStatusInput): SetupStatusFlags {
  const stuckSince = input.now.getTime() - input.stuckAfterDays * DAY_MS;
  const push = input.latestTestPushStatus;
  const connection = input.connectionStatus;
  return {
    stuck: !input.pushEnabled && input.lastActivityAt.getTime() <= stuckSince,
    failing: includes(FAILING_TEST_PUSH_STATUSES, push) || includes(BROKEN_CONNECTION_STATUSES, connection),
    waitingOnConnector:
      connection === null || includes(WAITING_CONNECTION_STATUSES, connection) || includes(RUNNING_TEST_PUSH_STATUSES, push),
  };
}

function includes<T extends string>(list: readonly T[], value: string | null): boolean {
  return value !== null && (list as readonly string[]).includes(value);
}
