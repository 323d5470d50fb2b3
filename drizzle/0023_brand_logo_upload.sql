CREATE TABLE "brand_logo_upload" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"sha256" text NOT NULL,
	"content_type" text NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"bytes" "bytea" NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "brand_logo_upload_one_row" CHECK ("brand_logo_upload"."id" = 1),
	CONSTRAINT "brand_logo_upload_type_check" CHECK ("brand_logo_upload"."content_type" in ('image/png', 'image/jpeg', 'image/webp')),
	CONSTRAINT "brand_logo_upload_sha256_check" CHECK ("brand_logo_upload"."sha256" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "brand_logo_upload_size_check" CHECK (octet_length("brand_logo_upload"."bytes") between 1 and 262144)
);
