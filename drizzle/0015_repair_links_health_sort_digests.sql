CREATE TABLE "support_digests" (
	"id" text PRIMARY KEY NOT NULL,
	"last_sent_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "setup_links" ADD COLUMN "opens_step" text;--> statement-breakpoint
CREATE INDEX "companies_needs_attention_idx" ON "companies" USING btree ("last_activity_at") WHERE "companies"."push_health_state" in ('failing', 'disconnected');--> statement-breakpoint
CREATE INDEX "companies_push_health_rank_idx" ON "companies" USING btree ((case "push_health_state" when 'failing' then 0 when 'disconnected' then 1 when 'at_risk' then 2 when 'unknown' then 3 when 'healthy' then 4 end),"last_activity_at" DESC NULLS LAST,"id" DESC NULLS LAST);