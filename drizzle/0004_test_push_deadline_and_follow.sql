ALTER TABLE "settings" ADD COLUMN "test_push_timeout_minutes" integer DEFAULT 5 NOT NULL;--> statement-breakpoint
ALTER TABLE "test_pushes" ADD COLUMN "follow_until" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "test_pushes_followed_idx" ON "test_pushes" USING btree ("follow_until") WHERE follow_until is not null;--> statement-breakpoint
ALTER TABLE "settings" ADD CONSTRAINT "settings_test_push_timeout_minutes_check" CHECK ("settings"."test_push_timeout_minutes" between 1 and 60);