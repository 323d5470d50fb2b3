CREATE TABLE "companies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"contact_email" text,
	"flow" text DEFAULT 'new' NOT NULL,
	"codat_company_id" text NOT NULL,
	"codat_connection_id" text,
	"connection_status" text,
	"link_url" text,
	"last_sync_at" timestamp with time zone,
	"connection_checked_at" timestamp with time zone,
	"reported_company_name" text,
	"base_currency" text,
	"push_enabled" boolean DEFAULT false NOT NULL,
	"push_enabled_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_activity_at" timestamp with time zone DEFAULT now() NOT NULL,
	"latest_test_push_id" uuid,
	"latest_test_push_status" text,
	"latest_test_push_at" timestamp with time zone,
	CONSTRAINT "companies_codat_company_id_unique" UNIQUE("codat_company_id")
);
--> statement-breakpoint
CREATE TABLE "setup_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"short_code_hash" text NOT NULL,
	"purpose" text DEFAULT 'invite' NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "setup_links_token_hash_unique" UNIQUE("token_hash"),
	CONSTRAINT "setup_links_short_code_hash_unique" UNIQUE("short_code_hash")
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"company_id" uuid,
	"actor_type" text NOT NULL,
	"actor_id" text,
	"actor_label" text,
	"type" text NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rate_limits" (
	"key" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "rate_limits_key_window_start_pk" PRIMARY KEY("key","window_start")
);
--> statement-breakpoint
CREATE TABLE "webhook_events" (
	"id" text PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "setup_progress" (
	"company_id" uuid PRIMARY KEY NOT NULL,
	"before_start_done_at" timestamp with time zone,
	"push_username" text,
	"everyday_usernames" text[] DEFAULT '{}' NOT NULL,
	"push_user_done_at" timestamp with time zone,
	"connector_linked_at" timestamp with time zone,
	"credentials_changed_at" timestamp with time zone,
	"company_confirmed_at" timestamp with time zone,
	"confirmed_company_name" text,
	"foreign_trader_confirmed_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "api_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"prefix" text NOT NULL,
	"key_hash" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "api_keys_key_hash_unique" UNIQUE("key_hash")
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"integrator_name" text DEFAULT 'Acme Pay' NOT NULL,
	"push_currencies" text[] DEFAULT '{}' NOT NULL,
	"support_contact" text DEFAULT 'support@example.com' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"password_hash" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"session_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "test_pushes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"connection_id" text NOT NULL,
	"idempotency_key" text,
	"supplier_ref" text NOT NULL,
	"supplier_name" text NOT NULL,
	"push_operation_key" text,
	"status" text DEFAULT 'starting' NOT NULL,
	"codat_status" text,
	"status_code" integer,
	"error_message" text,
	"validation" jsonb,
	"diagnosis_code" text,
	"timeout_in_minutes" integer NOT NULL,
	"deadline_at" timestamp with time zone NOT NULL,
	"started_by_type" text NOT NULL,
	"started_by_id" text,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	"refreshed_at" timestamp with time zone,
	CONSTRAINT "test_pushes_push_operation_key_unique" UNIQUE("push_operation_key")
);
--> statement-breakpoint
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
ALTER TABLE "companies" ADD CONSTRAINT "companies_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "setup_links" ADD CONSTRAINT "setup_links_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "setup_links" ADD CONSTRAINT "setup_links_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "setup_progress" ADD CONSTRAINT "setup_progress_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "test_pushes" ADD CONSTRAINT "test_pushes_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sim_connections" ADD CONSTRAINT "sim_connections_company_id_sim_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."sim_companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sim_pcs" ADD CONSTRAINT "sim_pcs_company_id_sim_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."sim_companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sim_push_operations" ADD CONSTRAINT "sim_push_operations_company_id_sim_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."sim_companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sim_sage_sessions" ADD CONSTRAINT "sim_sage_sessions_company_id_sim_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."sim_companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sim_sage_users" ADD CONSTRAINT "sim_sage_users_company_id_sim_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."sim_companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sim_suppliers" ADD CONSTRAINT "sim_suppliers_company_id_sim_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."sim_companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "companies_last_activity_idx" ON "companies" USING btree ("last_activity_at");--> statement-breakpoint
CREATE INDEX "companies_name_idx" ON "companies" USING btree ("name");--> statement-breakpoint
CREATE INDEX "companies_connection_status_idx" ON "companies" USING btree ("connection_status","last_activity_at");--> statement-breakpoint
CREATE INDEX "companies_push_enabled_idx" ON "companies" USING btree ("push_enabled","last_activity_at");--> statement-breakpoint
CREATE INDEX "companies_failing_idx" ON "companies" USING btree ("last_activity_at") WHERE "companies"."latest_test_push_status" in ('failed', 'timed_out', 'error') or "companies"."connection_status" in ('Unlinked', 'Deauthorized');--> statement-breakpoint
CREATE INDEX "companies_waiting_idx" ON "companies" USING btree ("last_activity_at") WHERE "companies"."connection_status" is null or "companies"."connection_status" in ('PendingAuth') or "companies"."latest_test_push_status" in ('starting', 'pending');--> statement-breakpoint
CREATE INDEX "companies_latest_test_push_at_idx" ON "companies" USING btree ("latest_test_push_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "companies_name_search_idx" ON "companies" USING gin (to_tsvector('simple', "name"));--> statement-breakpoint
CREATE INDEX "companies_codat_id_prefix_idx" ON "companies" USING btree (lower("codat_company_id") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "setup_links_company_idx" ON "setup_links" USING btree ("company_id");--> statement-breakpoint
CREATE INDEX "events_company_idx" ON "events" USING btree ("company_id","id");--> statement-breakpoint
CREATE INDEX "test_pushes_company_idx" ON "test_pushes" USING btree ("company_id","started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "test_pushes_one_running_idx" ON "test_pushes" USING btree ("company_id") WHERE status in ('starting', 'pending');--> statement-breakpoint
CREATE UNIQUE INDEX "test_pushes_idempotency_idx" ON "test_pushes" USING btree ("company_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "test_pushes_running_idx" ON "test_pushes" USING btree ("status","deadline_at");--> statement-breakpoint
CREATE INDEX "sim_companies_created_idx" ON "sim_companies" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "sim_connections_company_idx" ON "sim_connections" USING btree ("company_id","created_at");--> statement-breakpoint
CREATE INDEX "sim_push_company_idx" ON "sim_push_operations" USING btree ("company_id","requested_on");--> statement-breakpoint
CREATE INDEX "sim_push_status_idx" ON "sim_push_operations" USING btree ("status","requested_on");--> statement-breakpoint
CREATE INDEX "sim_webhooks_due_idx" ON "sim_webhook_deliveries" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "sim_webhooks_company_idx" ON "sim_webhook_deliveries" USING btree ("company_id","created_at");