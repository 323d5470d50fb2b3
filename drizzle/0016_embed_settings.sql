CREATE TABLE "embed_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"allowed_origins" text[] DEFAULT '{}' NOT NULL,
	"logo" text DEFAULT 'none' NOT NULL,
	"primary_colour" text DEFAULT '#174bb0' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "embed_settings_logo_check" CHECK ("embed_settings"."logo" in ('none', 'acme-books', 'harbour-pay')),
	CONSTRAINT "embed_settings_primary_colour_check" CHECK ("embed_settings"."primary_colour" ~ '^#[0-9a-f]{6}$'),
	CONSTRAINT "embed_settings_one_row" CHECK ("embed_settings"."id" = 1)
);
