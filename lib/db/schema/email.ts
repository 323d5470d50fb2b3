import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { EMAIL_KINDS } from "../../sage/email-kinds";
import { MAX_REMINDERS_PER_STALL } from "../../sage/reminders";
import { companies, setupLinks } from "./companies";
import { sqlLiterals } from "./sql-lists";

/**
 * Every email the product sends, kept: queued inside the sending service's transaction, delivered by
 * the mail sender (lib/email) over SMTP, or, without SMTP, marked sent at once and only kept here.
 */
export const outboxMessages = pgTable(
  "outbox_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    to: text("to").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    html: text("html"),
    kind: text("kind", { enum: EMAIL_KINDS }).notNull(),
    companyId: uuid("company_id").references(() => companies.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    /**
     * Secrets in the body (a setup link's token and short code), blanked out of `text` and `html` once
     * the SMTP server accepted the message; without SMTP the outbox is the delivery and keeps them.
     */
    secrets: text("secrets").array().notNull().default([]),
    /** When the sender may try (again): now at first, later after each failure (backoff). */
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    /** A sender's claim: no other sender takes the message until then. */
    claimedUntil: timestamp("claimed_until", { withTimezone: true }),
  },
  (t) => [
    index("outbox_messages_created_idx").on(t.createdAt.desc()),
    index("outbox_messages_unsent_idx").on(t.nextAttemptAt).where(sql`${t.sentAt} is null`),
    check("outbox_messages_kind_check", sql`${t.kind} in (${sqlLiterals(EMAIL_KINDS)})`),
  ],
);

/**
 * Reminders sent for a stalled setup. A stall is known by the company's last activity when it began;
 * the key (company, stall, number) lets only one instance send each reminder.
 */
export const setupReminders = pgTable(
  "setup_reminders",
  {
    companyId: uuid("company_id")
      .notNull()
      .references(() => companies.id, { onDelete: "cascade" }),
    stallStartedAt: timestamp("stall_started_at", { withTimezone: true }).notNull(),
    number: integer("number").notNull(),
    linkId: uuid("link_id").references(() => setupLinks.id, { onDelete: "set null" }),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.stallStartedAt, t.number] }),
    check("setup_reminders_number_check", sql`${t.number} between 1 and ${sql.raw(String(MAX_REMINDERS_PER_STALL))}`),
  ],
);
