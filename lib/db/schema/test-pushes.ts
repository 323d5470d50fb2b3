import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { CodatEvidence } from "../../sage/codat-evidence";
import { DIAGNOSIS_CODES } from "../../sage/diagnosis-codes";
import { RUNNING_TEST_PUSH_STATUSES } from "../../sage/test-push-status";
import { TEST_PUSH_STATUSES } from "../../sage/types";
import { companies } from "./companies";
import { sqlLiterals } from "./sql-lists";

export type ValidationItem = { itemId?: string | null; message?: string | null; validatorName?: string | null };
export type PushValidation = { errors: ValidationItem[]; warnings: ValidationItem[] };

export const testPushes = pgTable(
  "test_pushes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    companyId: uuid("company_id")
      .notNull()
      .references(() => companies.id, { onDelete: "cascade" }),
    connectionId: text("connection_id").notNull(),
    idempotencyKey: text("idempotency_key"),
    supplierRef: text("supplier_ref").notNull(),
    supplierName: text("supplier_name").notNull(),
    pushOperationKey: text("push_operation_key").unique(),
    status: text("status", { enum: TEST_PUSH_STATUSES }).notNull().default("starting"),
    codatStatus: text("codat_status"),
    statusCode: integer("status_code"),
    errorMessage: text("error_message"),
    validation: jsonb("validation").$type<PushValidation>(),
    diagnosisCode: text("diagnosis_code", { enum: DIAGNOSIS_CODES }),
    /** What Codat last said about this push or its failed request, for support (lib/sage/codat-evidence.ts). */
    evidence: jsonb("evidence").$type<CodatEvidence>(),
    timeoutInMinutes: integer("timeout_in_minutes").notNull(),
    deadlineAt: timestamp("deadline_at", { withTimezone: true }).notNull(),
    startedByType: text("started_by_type", { enum: ["client", "staff", "system"] }).notNull(),
    startedById: text("started_by_id"),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    /** When the server last asked Codat; shared by every instance so pollers cannot multiply calls. */
    refreshedAt: timestamp("refreshed_at", { withTimezone: true }),
    /**
     * Set when our deadline times the push out while Codat still had no end state: until then the
     * follower keeps asking Codat (slower), so a late outcome is applied. Cleared when one is.
     */
    followUntil: timestamp("follow_until", { withTimezone: true }),
  },
  (t) => [
    index("test_pushes_company_idx").on(t.companyId, t.startedAt),
    // At most one running test push per company, whatever the number of app instances.
    uniqueIndex("test_pushes_one_running_idx")
      .on(t.companyId)
      .where(sql`status in (${sqlLiterals(RUNNING_TEST_PUSH_STATUSES)})`),
    uniqueIndex("test_pushes_idempotency_idx").on(t.companyId, t.idempotencyKey),
    index("test_pushes_running_idx").on(t.status, t.deadlineAt),
    index("test_pushes_followed_idx").on(t.followUntil).where(sql`follow_until is not null`),
    // The lists of lib/sage, kept by the database too (lib/db/status-lists.test.ts compares).
    check("test_pushes_status_check", sql`${t.status} in (${sqlLiterals(TEST_PUSH_STATUSES)})`),
    check("test_pushes_diagnosis_code_check", sql`${t.diagnosisCode} in (${sqlLiterals(DIAGNOSIS_CODES)})`),
  ],
);
