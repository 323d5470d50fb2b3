import { sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { REMINDER_DELAY_DAYS } from "../../sage/reminders";
import { TEST_PUSH_TIMEOUT_MINUTES } from "../../sage/test-push-status";
import { API_KEY_SCOPES } from "../../sage/api-key-scopes";
import { sqlLiterals } from "./sql-lists";

export const staffRoles = ["admin", "support"] as const;
export type StaffRole = (typeof staffRoles)[number];

export const users = pgTable("users", {
  id: uuid("id").primaryKey().defaultRandom(),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  role: text("role", { enum: staffRoles }).notNull(),
  passwordHash: text("password_hash").notNull(),
  active: boolean("active").notNull().default(true),
  /** Bumped to end every session of this account (deactivation, role change). */
  sessionVersion: integer("session_version").notNull().default(1),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Keys the integrator's backend uses for /api/v1; only the hash is kept. */
export const apiKeys = pgTable("api_keys", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  prefix: text("prefix").notNull(),
  keyHash: text("key_hash").notNull().unique(),
  /** What the key may do (lib/sage/api-key-scopes.ts); keys made before scopes existed got `read`. */
  scopes: text("scopes", { enum: API_KEY_SCOPES }).array().notNull().default(["read"]),
  createdBy: uuid("created_by").references(() => users.id),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  revokedAt: timestamp("revoked_at", { withTimezone: true }),
}, (t) => [
  check("api_keys_scopes_check", sql`cardinality(${t.scopes}) > 0 and ${t.scopes} <@ array[${sqlLiterals(API_KEY_SCOPES)}]::text[]`),
]);

/**
 * `Idempotency-Key` of a write on `/api/v1`, per API key: claimed before the work starts (so two
 * requests with one key do the work once), then the first answer kept for 24 hours and replayed.
 * A setup link in the kept answer is stored without its secret parts (they are derived again on replay).
 */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    apiKeyId: uuid("api_key_id")
      .notNull()
      .references(() => apiKeys.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    /** SHA-256 of the method, path and parsed body: the same key with another request is refused. */
    requestHash: text("request_hash").notNull(),
    claimedAt: timestamp("claimed_at", { withTimezone: true }).notNull().defaultNow(),
    responseStatus: integer("response_status"),
    responseBody: jsonb("response_body"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("idempotency_keys_key_idx").on(t.apiKeyId, t.key), index("idempotency_keys_created_idx").on(t.createdAt)],
);

/** One row: the integrator's product settings. */
export const settings = pgTable("settings", {
  id: integer("id").primaryKey().default(1),
  integratorName: text("integrator_name").notNull().default("Acme Pay"),
  /** ISO 4217 codes the integrator pushes; empty means "the company's base currency only". */
  pushCurrencies: text("push_currencies").array().notNull().default([]),
  supportContact: text("support_contact").notNull().default("support@example.com"),
  /** How long Codat waits for the connector on a test push; applies to pushes started after a change. */
  testPushTimeoutMinutes: integer("test_push_timeout_minutes").notNull().default(TEST_PUSH_TIMEOUT_MINUTES.default),
  /** Reminders for stalled setups (lib/email/send-setup-reminders.ts): on or off, and after how many quiet days. */
  remindersEnabled: boolean("reminders_enabled").notNull().default(true),
  reminderDelayDays: integer("reminder_delay_days").notNull().default(REMINDER_DELAY_DAYS.default),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  check(
    "settings_test_push_timeout_minutes_check",
    sql`${t.testPushTimeoutMinutes} between ${sql.raw(String(TEST_PUSH_TIMEOUT_MINUTES.min))} and ${sql.raw(String(TEST_PUSH_TIMEOUT_MINUTES.max))}`,
  ),
  check(
    "settings_reminder_delay_days_check",
    sql`${t.reminderDelayDays} between ${sql.raw(String(REMINDER_DELAY_DAYS.min))} and ${sql.raw(String(REMINDER_DELAY_DAYS.max))}`,
  ),
]);
