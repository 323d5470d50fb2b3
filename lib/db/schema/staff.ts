import { sql } from "drizzle-orm";
import { boolean, check, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { REMINDER_DELAY_DAYS } from "../../sage/reminders";
import { TEST_PUSH_TIMEOUT_MINUTES } from "../../sage/test-push-status";

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
  createdBy: uuid("created_by").references(() => users.id),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  revokedAt: timestamp("revoked_at", { withTimezone: true }),
});

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
