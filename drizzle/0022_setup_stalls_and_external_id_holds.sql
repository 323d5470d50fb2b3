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
--> statement-breakpoint
CREATE TABLE "setup_stalls" (
	"company_id" uuid PRIMARY KEY NOT NULL,
	"stall_started_at" timestamp with time zone NOT NULL,
	"announced_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "setup_stalls" ADD CONSTRAINT "setup_stalls_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Stalls already announced with their first reminder (before the announcement had its own table) are not announced again.
INSERT INTO "setup_stalls" ("company_id", "stall_started_at", "announced_at")
SELECT "company_id", max("stall_started_at"), max("sent_at") FROM "setup_reminders" WHERE "number" = 1 GROUP BY "company_id";
