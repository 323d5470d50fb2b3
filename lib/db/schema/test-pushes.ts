import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { companies } from "./companies";

export const testPushStatuses = ["starting", "pending", "success", "failed", "timed_out", "error"] as const;
export type TestPushStatus = (typeof testPushStatuses)[number];

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
    status: text("status", { enum: testPushStatuses }).notNull().default("starting"),
    codatStatus: text("codat_status"),
    statusCode: integer("status_code"),
    errorMessage: text("error_message"),
    validation: jsonb("validation").$type<PushValidation>(),
    diagnosisCode: text("diagnosis_code"),
    timeoutInMinutes: integer("timeout_in_minutes").notNull(),
    deadlineAt: timestamp("deadline_at", { withTimezone: true }).notNull(),
    startedByType: text("started_by_type", { enum: ["client", "staff", "system"] }).notNull(),
    startedById: text("started_by_id"),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    /** When the server last asked Codat; shared by every instance so pollers cannot multiply calls. */
    refreshedAt: timestamp("refreshed_at", { withTimezone: true }),
  },
  (t) => [
    index("test_pushes_company_idx").on(t.companyId, t.startedAt),
    // At most one running test push per company, whatever the number of app instances.
    uniqueIndex("test_pushes_one_running_idx")
      .on(t.companyId)
      .where(sql`status in ('starting', 'pending')`),
    uniqueIndex("test_pushes_idempotency_idx").on(t.companyId, t.idempotencyKey),
    index("test_pushes_running_idx").on(t.status, t.deadlineAt),
  ],
);
