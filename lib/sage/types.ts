/**
 * Plain-data vocabulary shared by the Sage 50 push-setup rules.
 *
 * These mirror the values the database and the Codat adapter store, but are declared here so that
 * `lib/sage` depends on nothing but TypeScript and zod. Other layers may import them from here.
 */

export const SETUP_FLOWS = ["new", "upgrade"] as const;
/** `new`: first connection, push from day one. `upgrade`: a pull-only company that keeps its connector. */
export type SetupFlow = (typeof SETUP_FLOWS)[number];

export const CONNECTION_STATUSES = ["PendingAuth", "Linked", "Unlinked", "Deauthorized"] as const;
/** Codat's data connection status for the company's Sage 50 connection. */
export type ConnectionStatus = (typeof CONNECTION_STATUSES)[number];

export const TEST_PUSH_STATUSES = ["starting", "pending", "success", "failed", "timed_out", "error"] as const;
/**
 * Our own status for a test push.
 * - `starting`: we are about to ask Codat; `pending`: Codat accepted it and is waiting for the connector.
 * - `success` / `failed` / `timed_out`: Codat's final push operation status.
 * - `error`: we could not get an answer from Codat at all (HTTP error, outage, rate limit).
 */
export type TestPushStatus = (typeof TEST_PUSH_STATUSES)[number];

/** One item of a push operation's `validation.errors` or `validation.warnings`. */
type PushValidationItem = {
  itemId?: string | null;
  message?: string | null;
  validatorName?: string | null;
};

export type PushValidation = {
  errors: PushValidationItem[];
  warnings: PushValidationItem[];
};
