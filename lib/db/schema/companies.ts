import { boolean, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./staff";

export const setupFlows = ["new", "upgrade"] as const;
export type SetupFlow = (typeof setupFlows)[number];

export const connectionStatuses = ["PendingAuth", "Linked", "Unlinked", "Deauthorized"] as const;
export type ConnectionStatus = (typeof connectionStatuses)[number];

/** A client company being set up for push: our record, with what Codat last told us. */
export const companies = pgTable(
  "companies",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    contactEmail: text("contact_email"),
    flow: text("flow", { enum: setupFlows }).notNull().default("new"),
    codatCompanyId: text("codat_company_id").notNull().unique(),
    codatConnectionId: text("codat_connection_id"),
    connectionStatus: text("connection_status", { enum: connectionStatuses }),
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
  },
  (t) => [
    index("companies_last_activity_idx").on(t.lastActivityAt),
    index("companies_name_idx").on(t.name),
    index("companies_connection_status_idx").on(t.connectionStatus, t.lastActivityAt),
    index("companies_push_enabled_idx").on(t.pushEnabled, t.lastActivityAt),
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
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("setup_links_company_idx").on(t.companyId)],
);
