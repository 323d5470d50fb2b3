import { sql } from "drizzle-orm";
import { check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { CodatEvidence } from "../../sage/codat-evidence";
import { DIAGNOSIS_CODES, type DiagnosisConfidence } from "../../sage/diagnosis-codes";
import { ALERT_STATES, PUSH_HEALTH_STATES, PUSH_WRITE_OUTCOMES } from "../../sage/push-health";
import { companies } from "./companies";
import { sqlLiterals } from "./sql-lists";

/** A ranked cause kept beside a failed write: its code and why it fits. */
export type StoredCandidate = { code: string; reason: string };

/**
 * The company's latest writes to Sage 50 through Codat (any data type, the integrator's own), one row
 * per push operation. Bounded: per company and outcome only the newest `RECENT_WRITES_KEPT` rows stay
 * (older ones are deleted in the transaction that adds one), so the last 50 failures keep their
 * evidence and diagnosis; the daily counts (`push_write_days`) keep the totals.
 */
export const pushWrites = pgTable(
  "push_writes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    companyId: uuid("company_id")
      .notNull()
      .references(() => companies.id, { onDelete: "cascade" }),
    pushOperationKey: text("push_operation_key").notNull(),
    dataType: text("data_type").notNull(),
    outcome: text("outcome", { enum: PUSH_WRITE_OUTCOMES }).notNull(),
    /** Codat's push status: Pending, Success, Failed, TimedOut. */
    codatStatus: text("codat_status").notNull(),
    requestedAt: timestamp("requested_at", { withTimezone: true }),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
    /** Failed writes: the diagnosis (lib/sage/diagnosis.ts) and what Codat said. */
    diagnosisCode: text("diagnosis_code", { enum: DIAGNOSIS_CODES }),
    confidence: text("confidence").$type<DiagnosisConfidence>(),
    diagnosisReason: text("diagnosis_reason"),
    candidates: jsonb("candidates").$type<StoredCandidate[]>(),
    evidence: jsonb("evidence").$type<CodatEvidence>(),
  },
  (t) => [
    uniqueIndex("push_writes_operation_idx").on(t.companyId, t.pushOperationKey),
    index("push_writes_company_outcome_idx").on(t.companyId, t.outcome, t.recordedAt),
    check("push_writes_outcome_check", sql`${t.outcome} in (${sqlLiterals(PUSH_WRITE_OUTCOMES)})`),
    check("push_writes_diagnosis_code_check", sql`${t.diagnosisCode} in (${sqlLiterals(DIAGNOSIS_CODES)})`),
  ],
);

/** Writes succeeded and failed per company, UTC day and data type (kept `WRITE_DAYS_KEPT` days). */
export const pushWriteDays = pgTable(
  "push_write_days",
  {
    companyId: uuid("company_id")
      .notNull()
      .references(() => companies.id, { onDelete: "cascade" }),
    day: date("day", { mode: "string" }).notNull(),
    dataType: text("data_type").notNull(),
    succeeded: integer("succeeded").notNull().default(0),
    failed: integer("failed").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.day, t.dataType] }),
    // Insights: the period's failed writes across every company (lib/db/queries/insights-failures.ts).
    index("push_write_days_day_idx").on(t.day).where(sql`${t.failed} > 0`),
  ],
);

/**
 * Writes succeeded and failed per company and UTC hour (all data types together), kept
 * `WRITE_HOURS_KEPT` hours: what the integrator's API sums for its exact last-24-hours counts.
 */
export const pushWriteHours = pgTable(
  "push_write_hours",
  {
    companyId: uuid("company_id")
      .notNull()
      .references(() => companies.id, { onDelete: "cascade" }),
    hour: timestamp("hour", { withTimezone: true }).notNull(),
    succeeded: integer("succeeded").notNull().default(0),
    failed: integer("failed").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.companyId, t.hour] })],
);

/**
 * Alerts: opened when a company's push health enters `failing` or `disconnected`, closed when it is
 * `healthy` again. At most one open per company (the partial unique index), so two instances
 * evaluating at once cannot open two. `notified_at` is for whoever sends the email.
 */
export const alerts = pgTable(
  "alerts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    companyId: uuid("company_id")
      .notNull()
      .references(() => companies.id, { onDelete: "cascade" }),
    state: text("state", { enum: ALERT_STATES }).notNull().default("open"),
    healthState: text("health_state", { enum: PUSH_HEALTH_STATES }).notNull(),
    cause: text("cause", { enum: DIAGNOSIS_CODES }),
    openedAt: timestamp("opened_at", { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    notifiedAt: timestamp("notified_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("alerts_one_open_idx").on(t.companyId).where(sql`${t.state} = 'open'`),
    index("alerts_company_idx").on(t.companyId, t.openedAt),
    check("alerts_state_check", sql`${t.state} in (${sqlLiterals(ALERT_STATES)})`),
    check("alerts_health_state_check", sql`${t.healthState} in (${sqlLiterals(PUSH_HEALTH_STATES)})`),
    check("alerts_cause_check", sql`${t.cause} in (${sqlLiterals(DIAGNOSIS_CODES)})`),
  ],
);

/**
 * When the support digest (one email listing the companies whose alerts opened since the last one)
 * was last sent: one row, `id = 'support'`, locked while a digest is decided so two instances send one.
 */
export const supportDigests = pgTable("support_digests", {
  id: text("id").primaryKey(),
  lastSentAt: timestamp("last_sent_at", { withTimezone: true }),
});
