import { sql } from "drizzle-orm";
import { bigserial, check, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { WEBHOOK_DELIVERY_STATUSES, WEBHOOK_EVENT_TYPES } from "../../sage/webhook-events";
import { companies } from "./companies";
import { users } from "./staff";
import { sqlLiterals } from "./sql-lists";

/**
 * The integrator's endpoints for signed webhooks out (lib/outgoing-webhooks). The signing secret is
 * kept encrypted (AES-256-GCM, key derived from AUTH_SECRET: see docs/decisions/025); after a rotation
 * the previous one still signs until `previousSecretExpiresAt`.
 */
export const webhookEndpoints = pgTable(
  "webhook_endpoints",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    url: text("url").notNull(),
    events: text("events", { enum: WEBHOOK_EVENT_TYPES }).array().notNull(),
    secretEncrypted: text("secret_encrypted").notNull(),
    previousSecretEncrypted: text("previous_secret_encrypted"),
    previousSecretExpiresAt: timestamp("previous_secret_expires_at", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** The first failed try since the last success; null while the endpoint answers. */
    failingSince: timestamp("failing_since", { withTimezone: true }),
    /** Set when it failed for five days straight: nothing is sent to it any more. */
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
  },
  (t) => [
    check(
      "webhook_endpoints_events_check",
      sql`cardinality(${t.events}) > 0 and ${t.events} <@ array[${sqlLiterals(WEBHOOK_EVENT_TYPES)}]::text[]`,
    ),
  ],
);

/**
 * One event for one endpoint: the outbox the webhook sender delivers from. Written in the transaction
 * of the change it tells about; `seq` is the order of occurrence, and a setup's deliveries to one
 * endpoint go one at a time in that order. `eventId` is the `webhook-id` (the same for a replay).
 */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    seq: bigserial("seq", { mode: "number" }).notNull().unique(),
    endpointId: uuid("endpoint_id")
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: "cascade" }),
    companyId: uuid("company_id").references(() => companies.id, { onDelete: "set null" }),
    eventId: text("event_id").notNull(),
    eventType: text("event_type", { enum: WEBHOOK_EVENT_TYPES }).notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    status: text("status", { enum: WEBHOOK_DELIVERY_STATUSES }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    claimedUntil: timestamp("claimed_until", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    /** The delivery this one sends again (a manual replay). */
    replayOf: uuid("replay_of"),
  },
  (t) => [
    index("webhook_deliveries_pending_idx").on(t.endpointId, t.companyId, t.seq).where(sql`${t.status} = 'pending'`),
    index("webhook_deliveries_endpoint_idx").on(t.endpointId, t.seq.desc()),
    check("webhook_deliveries_status_check", sql`${t.status} in (${sqlLiterals(WEBHOOK_DELIVERY_STATUSES)})`),
    check("webhook_deliveries_event_type_check", sql`${t.eventType} in (${sqlLiterals(WEBHOOK_EVENT_TYPES)})`),
  ],
);

/** The delivery log: every try, with what the endpoint answered (or why there was no answer). */
export const webhookAttempts = pgTable(
  "webhook_attempts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    deliveryId: uuid("delivery_id")
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: "cascade" }),
    endpointId: uuid("endpoint_id")
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: "cascade" }),
    attempt: integer("attempt").notNull(),
    statusCode: integer("status_code"),
    durationMs: integer("duration_ms").notNull(),
    error: text("error"),
    at: timestamp("at", { withTimezone: true }).notNull(),
  },
  (t) => [index("webhook_attempts_endpoint_idx").on(t.endpointId, t.at.desc())],
);
