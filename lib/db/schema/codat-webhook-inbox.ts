import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Codat's webhooks, verified and acknowledged but not yet applied (lib/webhooks/codat-webhook-inbox):
 * the route inserts one row and answers 2xx; a drain applies the rows oldest first and deletes each
 * once applied. A drain claims a row by moving `next_attempt_at` past its lease, so a row whose drain
 * died is claimed again later. A row that failed every attempt stays with `failed_at` and its error.
 * See docs/decisions/037.
 */
export const codatWebhookInbox = pgTable(
  "codat_webhook_inbox",
  {
    /** The Svix message id (`webhook-id`): the same for every delivery of one event. */
    id: text("id").primaryKey(),
    eventType: text("event_type").notNull(),
    /** The verified, parsed event (`CodatWebhookEvent`), applied as it is. */
    event: jsonb("event").$type<Record<string, unknown>>().notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
    attempts: integer("attempts").notNull().default(0),
    /** When a drain may take the row: at once, after a claim's lease, or after a failure's backoff. */
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    lastError: text("last_error"),
    /** Set when the last attempt failed: the row is kept for support and no longer applied. */
    failedAt: timestamp("failed_at", { withTimezone: true }),
  },
  (t) => [index("codat_webhook_inbox_waiting_idx").on(t.receivedAt).where(sql`${t.failedAt} is null`)],
);
