-- Hand-written (drizzle-kit cannot express triggers): keep this file when migrations are regenerated.
-- companies.latest_test_push_* mirror each company's latest test push (by started_at, then id) so the
-- support list filters and sorts with indexes (companies_failing_idx, companies_waiting_idx,
-- companies_latest_test_push_at_idx). The database keeps them in step, whoever writes test_pushes.
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
DROP TRIGGER IF EXISTS "test_pushes_sync_latest" ON "test_pushes";--> statement-breakpoint
CREATE TRIGGER "test_pushes_sync_latest" AFTER INSERT OR UPDATE OF "status", "started_at" ON "test_pushes"
  FOR EACH ROW EXECUTE FUNCTION "companies_sync_latest_test_push"();--> statement-breakpoint
UPDATE "companies" AS c
   SET "latest_test_push_id" = t."id", "latest_test_push_status" = t."status", "latest_test_push_at" = t."started_at"
  FROM (SELECT DISTINCT ON ("company_id") "company_id", "id", "status", "started_at" FROM "test_pushes"
        ORDER BY "company_id", "started_at" DESC, "id" DESC) AS t
 WHERE c."id" = t."company_id";
