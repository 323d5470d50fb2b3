ALTER TABLE "companies" ADD COLUMN "latest_test_push_id" uuid;--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "latest_test_push_status" text;--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "latest_test_push_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "companies_failing_idx" ON "companies" USING btree ("last_activity_at") WHERE "companies"."latest_test_push_status" in ('failed', 'timed_out', 'error') or "companies"."connection_status" in ('Unlinked', 'Deauthorized');--> statement-breakpoint
CREATE INDEX "companies_waiting_idx" ON "companies" USING btree ("last_activity_at") WHERE "companies"."connection_status" is null or "companies"."connection_status" in ('PendingAuth') or "companies"."latest_test_push_status" in ('starting', 'pending');--> statement-breakpoint
CREATE INDEX "companies_latest_test_push_at_idx" ON "companies" USING btree ("latest_test_push_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "companies_name_search_idx" ON "companies" USING gin (to_tsvector('simple', "name"));--> statement-breakpoint
CREATE INDEX "companies_codat_id_prefix_idx" ON "companies" USING btree (lower("codat_company_id") text_pattern_ops);--> statement-breakpoint
-- companies.latest_test_push_* mirror the company's latest test push (by started_at, then id) so the
-- support list filters and sorts with indexes. The database keeps them in step, whoever writes test_pushes.
CREATE OR REPLACE FUNCTION "companies_sync_latest_test_push"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "companies" AS c
     SET "latest_test_push_id" = t."id", "latest_test_push_status" = t."status", "latest_test_push_at" = t."started_at"
    FROM (SELECT "id", "status", "started_at" FROM "test_pushes" WHERE "company_id" = NEW."company_id"
          ORDER BY "started_at" DESC, "id" DESC LIMIT 1) AS t
   WHERE c."id" = NEW."company_id"
     AND (c."latest_test_push_id" IS DISTINCT FROM t."id"
          OR c."latest_test_push_status" IS DISTINCT FROM t."status"
          OR c."latest_test_push_at" IS DISTINCT FROM t."started_at");
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "test_pushes_sync_latest" AFTER INSERT OR UPDATE OF "status", "started_at" ON "test_pushes"
  FOR EACH ROW EXECUTE FUNCTION "companies_sync_latest_test_push"();--> statement-breakpoint
UPDATE "companies" AS c
   SET "latest_test_push_id" = t."id", "latest_test_push_status" = t."status", "latest_test_push_at" = t."started_at"
  FROM (SELECT DISTINCT ON ("company_id") "company_id", "id", "status", "started_at" FROM "test_pushes"
        ORDER BY "company_id", "started_at" DESC, "id" DESC) AS t
 WHERE c."id" = t."company_id";
