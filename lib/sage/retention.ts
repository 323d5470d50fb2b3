/**
 * How long rows that only record the past are kept before the retention job (lib/retention) deletes
 * them. Nothing still to be done is ever deleted: an unsent email or a delivery still being retried
 * stays whatever its age. Finished outgoing webhook deliveries: `WEBHOOK_DELIVERY_KEEP_DAYS`
 * (lib/sage/webhook-events.ts).
 */

/** Emails are kept this many days after they were sent (the outbox at /support/outbox shows them until then). */
export const SENT_EMAIL_KEEP_DAYS = 30;

/**
 * Abuse-limit counters (`rate_limits`) are kept this long after their window started. The longest
 * window is an hour (setup hand-offs) and a count is read for two windows at most, so a day leaves a
 * wide margin.
 */
export const RATE_LIMIT_WINDOW_KEEP_DAYS = 1;

/** How often the retention job runs. */
export const RETENTION_EVERY_MS = 60 * 60_000;

/**
 * Codat's webhook ids already handled (`webhook_events`) are remembered this long, twice the two weeks
 * for which Codat can replay an event. Past that, applying is still guarded on its own: a write already
 * stored for its push operation counts nothing, and a connection event older than the stored status
 * changes nothing.
 */
export const HANDLED_WEBHOOK_KEEP_DAYS = 30;
