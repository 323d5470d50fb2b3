import { sql } from "drizzle-orm";
import { boolean, check, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { BROKEN_CONNECTION_STATUSES, WAITING_CONNECTION_STATUSES } from "../../sage/support-status";
import { FAILING_TEST_PUSH_STATUSES, RUNNING_TEST_PUSH_STATUSES } from "../../sage/test-push-status";
import { CONNECTION_STATUSES, SETUP_FLOWS, TEST_PUSH_STATUSES } from "../../sage/types";
import { DIAGNOSIS_CODES } from "../../sage/diagnosis-codes";
import { ALERTING_PUSH_HEALTH_STATES, PUSH_HEALTH_SEVERITY, PUSH_HEALTH_STATES } from "../../sage/push-health";
import { sqlLiterals, sqlRank } from "./sql-lists";
import { users } from "./staff";

/** A client company being set up for push: our record, with what Codat last told us. */
export const companies = pgTable(
  "companies",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    contactEmail: text("contact_email"),
    flow: text("flow", { enum: SETUP_FLOWS }).notNull().default("new"),
    codatCompanyId: text("codat_company_id").notNull().unique(),
    /** The integrator's own id for this client, given when their backend created the setup (unique when set). */
    externalId: text("external_id"),
    codatConnectionId: text("codat_connection_id"),
    connectionStatus: text("connection_status", { enum: CONNECTION_STATUSES }),
    /**
     * When Codat said the stored status: a poll's time or a webhook's `generatedDate`. A webhook
     * generated before it is stale (delivered late or out of order) and does not change the status.
     */
    connectionStatusAt: timestamp("connection_status_at", { withTimezone: true }),
    linkUrl: text("link_url"),
    lastSyncAt: timestamp("last_sync_at", { withTimezone: true }),
    connectionCheckedAt: timestamp("connection_checked_at", { withTimezone: true }),
    /** What company info reported once the connector linked. */
    reportedCompanyName: text("reported_company_name"),
    baseCurrency: text("base_currency"),
    pushEnabled: boolean("push_enabled").notNull().default(false),
    pushEnabledAt: timestamp("push_enabled_at", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastActivityAt: timestamp("last_activity_at", { withTimezone: true }).notNull().defaultNow(),
    /**
     * The company's latest test push (any connection), copied here so the support list can filter and
     * sort on it with indexes instead of a per-company lookup. The database keeps it in step: trigger
     * `test_pushes_sync_latest` recomputes it on every insert or status change of test_pushes, whoever
     * writes them. It is hand-written SQL (drizzle/0001_latest_test_push_trigger.sql): keep that file
     * when migrations are regenerated. Nothing in the app writes these columns.
     */
    latestTestPushId: uuid("latest_test_push_id"),
    latestTestPushStatus: text("latest_test_push_status", { enum: TEST_PUSH_STATUSES }),
    latestTestPushAt: timestamp("latest_test_push_at", { withTimezone: true }),
    /** Push health (lib/sage/push-health.ts), kept by lib/push-health/evaluate-push-health.ts after every write or connection change. */
    pushHealthState: text("push_health_state", { enum: PUSH_HEALTH_STATES }).notNull().default("unknown"),
    pushHealthCause: text("push_health_cause", { enum: DIAGNOSIS_CODES }),
    pushHealthSince: timestamp("push_health_since", { withTimezone: true }),
    pushHealthEvaluatedAt: timestamp("push_health_evaluated_at", { withTimezone: true }),
    /** Claimed before reading a push operation from Codat for a failed write (a throttle shared by every instance). */
    pushOperationReadAt: timestamp("push_operation_read_at", { withTimezone: true }),
  },
  (t) => [
    index("companies_last_activity_idx").on(t.lastActivityAt),
    uniqueIndex("companies_external_id_idx").on(t.externalId).where(sql`${t.externalId} is not null`),
    index("companies_name_idx").on(t.name),
    index("companies_connection_status_idx").on(t.connectionStatus, t.lastActivityAt),
    index("companies_push_enabled_idx").on(t.pushEnabled, t.lastActivityAt),
    // Support list (lib/db/queries/support-list.ts). The two partial indexes' predicates must stay
    // word for word what that file sends for the "failing" and "waiting" filters, which in turn are
    // classifySetup's rules in lib/sage/support-status.ts; a data test checks the plans use them.
    index("companies_failing_idx")
      .on(t.lastActivityAt)
      .where(
        sql`${t.latestTestPushStatus} in (${sqlLiterals(FAILING_TEST_PUSH_STATUSES)}) or ${t.connectionStatus} in (${sqlLiterals(BROKEN_CONNECTION_STATUSES)})`,
      ),
    index("companies_waiting_idx")
      .on(t.lastActivityAt)
      .where(
        sql`${t.connectionStatus} is null or ${t.connectionStatus} in (${sqlLiterals(WAITING_CONNECTION_STATUSES)}) or ${t.latestTestPushStatus} in (${sqlLiterals(RUNNING_TEST_PUSH_STATUSES)})`,
      ),
    // "Needs attention" (an alerting health state) and the health sort, worst first (same text in support-list.ts).
    index("companies_needs_attention_idx")
      .on(t.lastActivityAt)
      .where(sql`${t.pushHealthState} in (${sqlLiterals(ALERTING_PUSH_HEALTH_STATES)})`),
    index("companies_push_health_rank_idx").on(sqlRank(t.pushHealthState, PUSH_HEALTH_SEVERITY), t.lastActivityAt.desc(), t.id.desc()),
    index("companies_latest_test_push_at_idx").on(t.latestTestPushAt.desc().nullsLast()),
    // Search: each word of the name by its start, and the Codat company id by its start.
    index("companies_name_search_idx").using("gin", sql`to_tsvector('simple', ${t.name})`),
    index("companies_codat_id_prefix_idx").using("btree", sql`lower(${t.codatCompanyId}) text_pattern_ops`),
    // The status lists of lib/sage/types.ts, kept by the database too (lib/db/status-lists.test.ts compares).
    check("companies_flow_check", sql`${t.flow} in (${sqlLiterals(SETUP_FLOWS)})`),
    check("companies_connection_status_check", sql`${t.connectionStatus} in (${sqlLiterals(CONNECTION_STATUSES)})`),
    check("companies_latest_test_push_status_check", sql`${t.latestTestPushStatus} in (${sqlLiterals(TEST_PUSH_STATUSES)})`),
    check("companies_push_health_state_check", sql`${t.pushHealthState} in (${sqlLiterals(PUSH_HEALTH_STATES)})`),
    check("companies_push_health_cause_check", sql`${t.pushHealthCause} in (${sqlLiterals(DIAGNOSIS_CODES)})`),
  ],
);

/** Setup links: a random token and a short code, both kept only as hashes. */
export const setupLinks = pgTable(
  "setup_links",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    companyId: uuid("company_id")
      .notNull()
      .references(() => companies.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull().unique(),
    shortCodeHash: text("short_code_hash").notNull().unique(),
    /**
     * "invite": sent by staff, replaces earlier links; "handoff": opened by the client for another
     * device; "reminder": put in a reminder email, expires with the invite and replaces nothing;
     * "repair": put in an alert email, opens the wizard at `opens_step` and replaces nothing.
     */
    purpose: text("purpose", { enum: ["invite", "handoff", "reminder", "repair"] }).notNull().default("invite"),
    /** The wizard step the link opens at (a repair link: the step that fixes the alert's cause); null: where the client is. */
    opensStep: text("opens_step"),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("setup_links_company_idx").on(t.companyId)],
);

/**
 * An `externalId` held by the `/api/v1` request creating its setup (lib/setups-api): taken before Codat
 * is called, so of concurrent requests with one externalId only one makes a Codat company; the others
 * wait for its setup. What Codat made for it (company, connection) is recorded as soon as Codat answers,
 * so when the final write fails a later request with the same externalId reuses it instead of making
 * another. Deleted in the transaction that writes the setup; deleted too when a request fails before
 * Codat made anything. `heldUntil` ends the hold of a request whose process stopped.
 */
export const externalIdReservations = pgTable("external_id_reservations", {
  externalId: text("external_id").primaryKey(),
  /** The request holding it (null: free, with a Codat company left to reuse). */
  holder: uuid("holder"),
  heldUntil: timestamp("held_until", { withTimezone: true }).notNull(),
  codatCompanyId: text("codat_company_id"),
  codatConnectionId: text("codat_connection_id"),
  connectionStatus: text("connection_status", { enum: CONNECTION_STATUSES }),
  linkUrl: text("link_url"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
