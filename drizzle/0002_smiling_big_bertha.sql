CREATE TABLE "sim_companies" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"tags" jsonb,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sim_config" (
	"id" integer PRIMARY KEY NOT NULL,
	"latency_ms" integer DEFAULT 0 NOT NULL,
	"error_rate_5xx" double precision DEFAULT 0 NOT NULL,
	"error_rate_429" double precision DEFAULT 0 NOT NULL,
	"processing_delay_ms" integer DEFAULT 3000 NOT NULL,
	"minute_ms" integer DEFAULT 60000 NOT NULL,
	"webhook_url" text,
	"webhooks_enabled" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sim_connections" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"last_sync" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sim_pcs" (
	"company_id" uuid PRIMARY KEY NOT NULL,
	"powered_on" boolean DEFAULT true NOT NULL,
	"sage_company_name" text NOT NULL,
	"data_path" text NOT NULL,
	"base_currency" text DEFAULT 'GBP' NOT NULL,
	"sage_version" integer DEFAULT 31 NOT NULL,
	"foreign_trader" boolean DEFAULT false NOT NULL,
	"last_transaction_date" timestamp with time zone NOT NULL,
	"connector_state" text DEFAULT 'not_installed' NOT NULL,
	"connector_running" boolean DEFAULT false NOT NULL,
	"connector_data_path" text,
	"saved_username" text,
	"saved_password_hash" text,
	"available_since" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sim_push_operations" (
	"key" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"connection_id" uuid NOT NULL,
	"data_type" text DEFAULT 'suppliers' NOT NULL,
	"status" text NOT NULL,
	"status_code" integer NOT NULL,
	"error_message" text,
	"validation" jsonb NOT NULL,
	"changes" jsonb,
	"requested_on" timestamp with time zone NOT NULL,
	"completed_on" timestamp with time zone,
	"timeout_in_minutes" integer,
	"body" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sim_request_counters" (
	"operation" text PRIMARY KEY NOT NULL,
	"count" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sim_sage_sessions" (
	"company_id" uuid NOT NULL,
	"name_key" text NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	CONSTRAINT "sim_sage_sessions_company_id_name_key_pk" PRIMARY KEY("company_id","name_key")
);
--> statement-breakpoint
CREATE TABLE "sim_sage_users" (
	"company_id" uuid NOT NULL,
	"name_key" text NOT NULL,
	"name" text NOT NULL,
	"user_type" text NOT NULL,
	"password_hash" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "sim_sage_users_company_id_name_key_pk" PRIMARY KEY("company_id","name_key")
);
--> statement-breakpoint
CREATE TABLE "sim_suppliers" (
	"company_id" uuid NOT NULL,
	"id" text NOT NULL,
	"name" text NOT NULL,
	"body" jsonb NOT NULL,
	"push_operation_key" uuid,
	"visible_in_open_sage" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "sim_suppliers_company_id_id_pk" PRIMARY KEY("company_id","id")
);
--> statement-breakpoint
CREATE TABLE "sim_webhook_deliveries" (
	"id" text PRIMARY KEY NOT NULL,
	"event_id" uuid NOT NULL,
	"event_type" text NOT NULL,
	"company_id" uuid,
	"body" text NOT NULL,
	"target_url" text NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_status" integer,
	"last_error" text,
	"next_attempt_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"delivered_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "sim_connections" ADD CONSTRAINT "sim_connections_company_id_sim_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."sim_companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sim_pcs" ADD CONSTRAINT "sim_pcs_company_id_sim_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."sim_companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sim_push_operations" ADD CONSTRAINT "sim_push_operations_company_id_sim_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."sim_companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sim_sage_sessions" ADD CONSTRAINT "sim_sage_sessions_company_id_sim_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."sim_companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sim_sage_users" ADD CONSTRAINT "sim_sage_users_company_id_sim_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."sim_companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sim_suppliers" ADD CONSTRAINT "sim_suppliers_company_id_sim_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."sim_companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sim_companies_created_idx" ON "sim_companies" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "sim_connections_company_idx" ON "sim_connections" USING btree ("company_id","created_at");--> statement-breakpoint
CREATE INDEX "sim_push_company_idx" ON "sim_push_operations" USING btree ("company_id","requested_on");--> statement-breakpoint
CREATE INDEX "sim_push_status_idx" ON "sim_push_operations" USING btree ("status","requested_on");--> statement-breakpoint
CREATE INDEX "sim_webhooks_due_idx" ON "sim_webhook_deliveries" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "sim_webhooks_company_idx" ON "sim_webhook_deliveries" USING btree ("company_id","created_at");