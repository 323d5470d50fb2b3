import { sql } from "drizzle-orm";
import { bigserial, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { companies } from "./companies";

export const actorTypes = ["client", "staff", "system", "codat", "integrator"] as const;
export type ActorType = (typeof actorTypes)[number];

/** Append-only log of everything that happened: the timeline is read from here. */
export const events = pgTable(
  "events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    companyId: uuid("company_id").references(() => companies.id, { onDelete: "cascade" }),
    actorType: text("actor_type", { enum: actorTypes }).notNull(),
    actorId: text("actor_id"),
    actorLabel: text("actor_label"),
    type: text("type").notNull(),
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("events_company_idx").on(t.companyId, t.id),
    // Insights: each company's first setup link (lib/db/queries/insights-completed.ts).
    index("events_link_issued_idx").on(t.companyId, t.createdAt).where(sql`${t.type} = 'setup_link.issued'`),
  ],
);

/** Webhook deliveries already handled, by their webhook id, so a replay is applied once. */
export const webhookEvents = pgTable(
  "webhook_events",
  {
    id: text("id").primaryKey(),
    type: text("type").notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
  },
  // The retention job deletes by age.
  (t) => [index("webhook_events_received_at_idx").on(t.receivedAt)],
);

/** Rate-limit counts per key and fixed window, read as a sliding window (lib/rate-limit), shared by every app instance. */
export const rateLimits = pgTable(
  "rate_limits",
  {
    key: text("key").notNull(),
    windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
    count: integer("count").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] })],
);
