CREATE TABLE "push_write_hours" (
	"company_id" uuid NOT NULL,
	"hour" timestamp with time zone NOT NULL,
	"succeeded" integer DEFAULT 0 NOT NULL,
	"failed" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "push_write_hours_company_id_hour_pk" PRIMARY KEY("company_id","hour")
);
--> statement-breakpoint
ALTER TABLE "push_write_hours" ADD CONSTRAINT "push_write_hours_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;