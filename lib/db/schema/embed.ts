import { sql } from "drizzle-orm";
import { check, customType, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { BRAND_LOGO_KEYS } from "../../sage/brand-logos";
import { DEFAULT_PRIMARY_COLOUR } from "../../sage/brand-colour";
import { LOGO_TYPES, MAX_LOGO_BYTES } from "../../sage/logo-image";
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

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => "bytea" });

/**
 * The logo an admin uploaded (at most one; it replaces the picked file while it exists). Checked by its
 * bytes before it is stored (lib/sage/logo-image.ts); served at `/brand/logo/<sha256>.<ext>`, so the
 * address changes with the content and may be cached for a year.
 */
export const brandLogoUpload = pgTable("brand_logo_upload", {
  id: integer("id").primaryKey().default(1),
  sha256: text("sha256").notNull(),
  contentType: text("content_type", { enum: LOGO_TYPES.map((t) => t.contentType) as [string, ...string[]] }).notNull(),
  width: integer("width").notNull(),
  height: integer("height").notNull(),
  bytes: bytea("bytes").notNull(),
  uploadedAt: timestamp("uploaded_at", { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  check("brand_logo_upload_one_row", sql`${t.id} = 1`),
  check("brand_logo_upload_type_check", sql`${t.contentType} in (${sqlLiterals(LOGO_TYPES.map((l) => l.contentType))})`),
  check("brand_logo_upload_sha256_check", sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
  check("brand_logo_upload_size_check", sql`octet_length(${t.bytes}) between 1 and ${sql.raw(String(MAX_LOGO_BYTES))}`),
]);
