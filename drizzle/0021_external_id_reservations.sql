CREATE TABLE "external_id_reservations" (
	"external_id" text PRIMARY KEY NOT NULL,
	"holder" uuid,
	"held_until" timestamp with time zone NOT NULL,
	"codat_company_id" text,
	"codat_connection_id" text,
	"connection_status" text,
	"link_url" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
