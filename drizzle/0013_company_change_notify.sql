-- Hand-written (drizzle-kit cannot express triggers): keep this file when migrations are regenerated.
-- Every change a watching page cares about (a test push, the company and its connection, the wizard's
-- progress) sends NOTIFY "company_changes" with the company id, in the writer's own transaction: it is
-- delivered at commit, to every instance listening on this database, whoever wrote the row (see
-- docs/decisions/021). NOTIFY folds identical payloads of one transaction into one.
CREATE OR REPLACE FUNCTION "notify_company_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Each branch is planned only when it runs: companies has "id", the others "company_id".
  IF TG_TABLE_NAME = 'companies' THEN
    PERFORM pg_notify('company_changes', NEW."id"::text);
  ELSE
    PERFORM pg_notify('company_changes', NEW."company_id"::text);
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
-- Columns that only record when something was last asked or evaluated (refreshed_at,
-- connection_checked_at, last_activity_at, push_operation_read_at, push_health_evaluated_at) change
-- nothing a page shows: an update of those alone sends nothing.
DROP TRIGGER IF EXISTS "test_pushes_notify_insert" ON "test_pushes";--> statement-breakpoint
CREATE TRIGGER "test_pushes_notify_insert" AFTER INSERT ON "test_pushes"
  FOR EACH ROW EXECUTE FUNCTION "notify_company_change"();--> statement-breakpoint
DROP TRIGGER IF EXISTS "test_pushes_notify_update" ON "test_pushes";--> statement-breakpoint
CREATE TRIGGER "test_pushes_notify_update" AFTER UPDATE ON "test_pushes"
  FOR EACH ROW WHEN ((to_jsonb(OLD) - 'refreshed_at') IS DISTINCT FROM (to_jsonb(NEW) - 'refreshed_at'))
  EXECUTE FUNCTION "notify_company_change"();--> statement-breakpoint
DROP TRIGGER IF EXISTS "companies_notify_change" ON "companies";--> statement-breakpoint
CREATE TRIGGER "companies_notify_change" AFTER UPDATE ON "companies"
  FOR EACH ROW WHEN ((to_jsonb(OLD) - 'connection_checked_at' - 'last_activity_at' - 'push_operation_read_at' - 'push_health_evaluated_at') IS DISTINCT FROM (to_jsonb(NEW) - 'connection_checked_at' - 'last_activity_at' - 'push_operation_read_at' - 'push_health_evaluated_at'))
  EXECUTE FUNCTION "notify_company_change"();--> statement-breakpoint
DROP TRIGGER IF EXISTS "setup_progress_notify_change" ON "setup_progress";--> statement-breakpoint
CREATE TRIGGER "setup_progress_notify_change" AFTER UPDATE ON "setup_progress"
  FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION "notify_company_change"();
