CREATE TABLE "alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"health_state" text NOT NULL,
	"cause" text,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	"notified_at" timestamp with time zone,
	CONSTRAINT "alerts_state_check" CHECK ("alerts"."state" in ('open', 'closed')),
	CONSTRAINT "alerts_health_state_check" CHECK ("alerts"."health_state" in ('healthy', 'at_risk', 'failing', 'disconnected', 'unknown')),
	CONSTRAINT "alerts_cause_check" CHECK ("alerts"."cause" in ('push_succeeded', 'push_pending', 'push_slow', 'test_push_not_run', 'connector_not_linked', 'connector_uninstalled', 'connection_unlinked', 'connector_offline', 'concurrent_login', 'insufficient_rights', 'sage_version_unsupported', 'invalid_test_record', 'codat_unavailable', 'rate_limited', 'codat_auth_failed', 'codat_not_found', 'codat_conflict', 'codat_bad_request', 'unknown_failure', 'connector_login_rejected', 'connector_paused', 'connector_blocked_by_firewall'))
);
--> statement-breakpoint
CREATE TABLE "push_write_days" (
	"company_id" uuid NOT NULL,
	"day" date NOT NULL,
	"data_type" text NOT NULL,
	"succeeded" integer DEFAULT 0 NOT NULL,
	"failed" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "push_write_days_company_id_day_data_type_pk" PRIMARY KEY("company_id","day","data_type")
);
--> statement-breakpoint
CREATE TABLE "push_writes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"push_operation_key" text NOT NULL,
	"data_type" text NOT NULL,
	"outcome" text NOT NULL,
	"codat_status" text NOT NULL,
	"requested_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"diagnosis_code" text,
	"confidence" text,
	"diagnosis_reason" text,
	"candidates" jsonb,
	"evidence" jsonb,
	CONSTRAINT "push_writes_outcome_check" CHECK ("push_writes"."outcome" in ('pending', 'succeeded', 'failed')),
	CONSTRAINT "push_writes_diagnosis_code_check" CHECK ("push_writes"."diagnosis_code" in ('push_succeeded', 'push_pending', 'push_slow', 'test_push_not_run', 'connector_not_linked', 'connector_uninstalled', 'connection_unlinked', 'connector_offline', 'concurrent_login', 'insufficient_rights', 'sage_version_unsupported', 'invalid_test_record', 'codat_unavailable', 'rate_limited', 'codat_auth_failed', 'codat_not_found', 'codat_conflict', 'codat_bad_request', 'unknown_failure', 'connector_login_rejected', 'connector_paused', 'connector_blocked_by_firewall'))
);
--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "push_health_state" text DEFAULT 'unknown' NOT NULL;--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "push_health_cause" text;--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "push_health_since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "push_health_evaluated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "push_operation_read_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "push_write_days" ADD CONSTRAINT "push_write_days_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "push_writes" ADD CONSTRAINT "push_writes_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "alerts_one_open_idx" ON "alerts" USING btree ("company_id") WHERE "alerts"."state" = 'open';--> statement-breakpoint
CREATE INDEX "alerts_company_idx" ON "alerts" USING btree ("company_id","opened_at");--> statement-breakpoint
CREATE UNIQUE INDEX "push_writes_operation_idx" ON "push_writes" USING btree ("company_id","push_operation_key");--> statement-breakpoint
CREATE INDEX "push_writes_company_outcome_idx" ON "push_writes" USING btree ("company_id","outcome","recorded_at");--> statement-breakpoint
ALTER TABLE "companies" ADD CONSTRAINT "companies_push_health_state_check" CHECK ("companies"."push_health_state" in ('healthy', 'at_risk', 'failing', 'disconnected', 'unknown')) NOT VALID;--> statement-breakpoint
ALTER TABLE "companies" ADD CONSTRAINT "companies_push_health_cause_check" CHECK ("companies"."push_health_cause" in ('push_succeeded', 'push_pending', 'push_slow', 'test_push_not_run', 'connector_not_linked', 'connector_uninstalled', 'connection_unlinked', 'connector_offline', 'concurrent_login', 'insufficient_rights', 'sage_version_unsupported', 'invalid_test_record', 'codat_unavailable', 'rate_limited', 'codat_auth_failed', 'codat_not_found', 'codat_conflict', 'codat_bad_request', 'unknown_failure', 'connector_login_rejected', 'connector_paused', 'connector_blocked_by_firewall')) NOT VALID;
