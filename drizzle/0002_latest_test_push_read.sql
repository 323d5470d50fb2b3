-- Hand-written (drizzle-kit cannot express functions): keep this file when migrations are regenerated.
-- What every poll of the status route reads, in one call: a company's status columns, its latest test
-- push (the whole row, so a new column needs no change here), the declared usernames and the asking
-- session's own setup link or staff account (both null when not asked). A PL/pgSQL function keeps its
-- query plan for the connection's life, so a poll is not parsed and planned again each time; the
-- columns picked here are the ones lib/db/queries/latest-test-push.ts maps back (its tests check both).
CREATE OR REPLACE FUNCTION "latest_test_push_read"(p_company uuid, p_link uuid, p_user uuid)
RETURNS json LANGUAGE plpgsql STABLE AS $$
DECLARE
  result json;
BEGIN
  SELECT json_build_object(
           'company', json_build_object(
             'id', c."id", 'codat_company_id', c."codat_company_id", 'codat_connection_id', c."codat_connection_id",
             'connection_status', c."connection_status", 'last_sync_at', c."last_sync_at", 'flow', c."flow"),
           'test_push', to_json(tp),
           'push_username', p."push_username",
           'everyday_usernames', p."everyday_usernames",
           'link', CASE WHEN l."id" IS NULL THEN NULL ELSE json_build_object(
             'company_id', l."company_id", 'revoked_at', l."revoked_at", 'expires_at', l."expires_at") END,
           'user', CASE WHEN u."id" IS NULL THEN NULL ELSE json_build_object(
             'id', u."id", 'role', u."role", 'name', u."name", 'email', u."email", 'active', u."active",
             'session_version', u."session_version") END)
    INTO result
    FROM "companies" AS c
    LEFT JOIN "test_pushes" AS tp ON tp."id" = c."latest_test_push_id"
    LEFT JOIN "setup_progress" AS p ON p."company_id" = c."id"
    LEFT JOIN "setup_links" AS l ON l."id" = p_link
    LEFT JOIN "users" AS u ON u."id" = p_user
   WHERE c."id" = p_company;
  RETURN result;
END
$$;
