/**
 * What the product tells the integrator's backend by signed webhook (Standard Webhooks): the event
 * types an endpoint subscribes to, and how delivery retries. The endpoints' `events` column, the
 * routes' schemas and the OpenAPI document's `webhooks` all derive from this list.
 */
export const WEBHOOK_EVENT_TYPES = [
  "setup.created",
  "setup.step_completed",
  "setup.stalled",
  "test_push.succeeded",
  "test_push.failed",
  "push.enabled",
  "push.disabled",
  "push_health.changed",
  "connection.status_changed",
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** Where a delivery stands: waiting (first try or a retry), accepted by the endpoint (2xx), or given up. */
export const WEBHOOK_DELIVERY_STATUSES = ["pending", "delivered", "failed"] as const;

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
export const DAY_MS = 24 * HOUR;

/**
 * The waits before each retry, after the first try: 5 s, 5 min, 30 min, 2 h, 5 h, 8 h, 8 h — eight
 * tries over about 24 hours, then the delivery is given up (a replay sends it again).
 */
export const WEBHOOK_RETRY_DELAYS_MS = [5 * SECOND, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 5 * HOUR, 8 * HOUR, 8 * HOUR] as const;

/** The wait before try `attempts + 1` after `attempts` failed tries, or null when the delivery is given up. */
export function webhookRetryDelayMs(attempts: number): number | null {
  return WEBHOOK_RETRY_DELAYS_MS[attempts - 1] ?? null;
}

/** How long one try may take before it counts as failed. */
export const WEBHOOK_ATTEMPT_TIMEOUT_MS = 10 * SECOND;
/** An endpoint whose every try failed for this long is disabled (and admins are told). */
const WEBHOOK_DISABLE_AFTER_MS = 5 * DAY_MS;
/** A rotated secret still signs (beside the new one) for this long. */
export const WEBHOOK_OLD_SECRET_GRACE_MS = 24 * HOUR;
/** Finished deliveries (delivered or given up) and their tries are kept this many days, then pruned. */
export const WEBHOOK_DELIVERY_KEEP_DAYS = 30;

/** Whether an endpoint failing since `failingSince` is now to be disabled. */
export function shouldDisableEndpoint(failingSince: Date | null, now: Date): boolean {
  return failingSince !== null && now.getTime() - failingSince.getTime() >= WEBHOOK_DISABLE_AFTER_MS;
}
