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
