import { sql } from "drizzle-orm";
import { check, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { BRAND_LOGO_KEYS } from "../../sage/brand-logos";
import { DEFAULT_PRIMARY_COLOUR } from "../../sage/brand-colour";
import { sqlLiterals } from "./sql-lists";

/**
 * One row: where the integrator embeds the client's wizard (the origins allowed to frame it) and its
 * branding (logo from `public/img/brand`, primary colour). Kept apart from `settings`, which the wizard's
 * rules read, because the proxy's frame-ancestors cache reads this row on its own.
 */
export const embedSettings = pgTable("embed_settings", {
  id: integer("id").primaryKey().default(1),
  allowedOrigins: text("allowed_origins").array().notNull().default([]),
  logo: text("logo", { enum: BRAND_LOGO_KEYS }).notNull().default("none"),
  primaryColour: text("primary_colour").notNull().default(DEFAULT_PRIMARY_COLOUR),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  check("embed_settings_logo_check", sql`${t.logo} in (${sqlLiterals(BRAND_LOGO_KEYS)})`),
  check("embed_settings_primary_colour_check", sql`${t.primaryColour} ~ '^#[0-9a-f]{6}$'`),
  check("embed_settings_one_row", sql`${t.id} = 1`),
]);
