import { pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { companies } from "./companies";

/**
 * Wizard progress in typed columns, one row per company. A step is done when its
 * timestamp is set; what the client entered is kept beside it so any device can resume.
 */
export const setupProgress = pgTable("setup_progress", {
  companyId: uuid("company_id")
    .primaryKey()
    .references(() => companies.id, { onDelete: "cascade" }),
  beforeStartDoneAt: timestamp("before_start_done_at", { withTimezone: true }),
  pushUsername: text("push_username"),
  everydayUsernames: text("everyday_usernames").array().notNull().default([]),
  pushUserDoneAt: timestamp("push_user_done_at", { withTimezone: true }),
  connectorLinkedAt: timestamp("connector_linked_at", { withTimezone: true }),
  /** Upgrade flow: the client says the connector now holds the push user's credentials. */
  credentialsChangedAt: timestamp("credentials_changed_at", { withTimezone: true }),
  companyConfirmedAt: timestamp("company_confirmed_at", { withTimezone: true }),
  confirmedCompanyName: text("confirmed_company_name"),
  foreignTraderConfirmedAt: timestamp("foreign_trader_confirmed_at", { withTimezone: true }),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The stall of each company last announced by the `setup.stalled` webhook, known by the company's last
 * activity when it began. One row per company: announcing a newer stall replaces it, in one conditional
 * upsert, so of several instances one announces each stall, once.
 */
export const setupStalls = pgTable("setup_stalls", {
  companyId: uuid("company_id")
    .primaryKey()
    .references(() => companies.id, { onDelete: "cascade" }),
  stallStartedAt: timestamp("stall_started_at", { withTimezone: true }).notNull(),
  announcedAt: timestamp("announced_at", { withTimezone: true }).notNull(),
});
