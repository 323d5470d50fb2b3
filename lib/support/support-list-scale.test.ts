import { afterAll, beforeAll, expect, it } from "vitest";
import { sql, type SQLWrapper } from "drizzle-orm";
import { describeEachDatabase } from "@/lib/db/testing/test-databases";
import type { DbHandle } from "@/lib/db/client";
import { supportListStatements } from "@/lib/db/queries/support-list";
import { listSetups } from "./list-setups";
import { STUCK_AFTER_DAYS } from "./support-settings";
import { supportListQuerySchema, type SupportListQueryInput } from "./support-list-schema";

const COMPANIES = 10_000;

/**
 * 10,000 companies with a plausible spread of states: most linked and tested, some waiting, a few
 * broken or failing; activity mostly recent. Built with generate_series (one statement per table);
 * the test pushes go through the trigger that keeps companies.latest_test_push_* in step.
 */
async function seedCompanies(h: DbHandle) {
  // r(k, i): a repeatable pseudo-random number in [0, 1) per row.
  await h.db.execute(sql.raw(`
    insert into companies (name, codat_company_id, flow, connection_status, codat_connection_id, push_enabled, last_activity_at, created_at)
    select
      (array['Acme','Bright','Cedar','Delta','Eagle','Fern','Granite','Harbour','Iris','Juniper'])[1 + i % 10] || ' ' ||
      (array['Trading','Bakery','Garage','Dental','Estates','Logistics','Studio','Foods'])[1 + (i / 10) % 8] || ' ' || i,
      md5('company' || i)::uuid::text,
      case when i % 7 = 0 then 'upgrade' else 'new' end,
      case when i % 20 < 13 then 'Linked' when i % 20 < 17 then 'PendingAuth' when i % 20 < 19 then null
           when i % 40 = 19 then 'Unlinked' else 'Deauthorized' end,
      'conn-' || i,
      false,
      now() - (power((abs(hashtext('a' || i)) % 1000) / 1000.0, 3) * 60) * interval '1 day',
      now() - 90 * interval '1 day'
    from generate_series(1, ${COMPANIES}) as i`));
  await h.db.execute(sql.raw(`insert into setup_progress (company_id) select id from companies`));
  await h.db.execute(sql.raw(`
    insert into test_pushes (company_id, connection_id, supplier_ref, supplier_name, status, timeout_in_minutes, deadline_at, started_by_type, started_at)
    select id, codat_connection_id, 'TEST0001', 'Connection test', s.status, 5, now(), 'client',
           now() - (abs(hashtext('p' || id)) % 20000) * interval '1 minute'
    from companies,
         lateral (select case abs(hashtext('s' || id)) % 25 when 0 then 'failed' when 1 then 'timed_out' when 2 then 'error'
                                                           when 3 then 'pending' else 'success' end as status) s
    where connection_status = 'Linked' and abs(hashtext('t' || id)) % 12 <> 0`));
  await h.db.execute(sql.raw(`
    update companies set push_enabled = true, push_enabled_at = now(),
      -- Push health of live companies: about 1 in 50 failing or disconnected, a few at risk, the rest healthy.
      push_health_state = case abs(hashtext('h' || id)) % 50 when 0 then 'failing' when 1 then 'disconnected'
                               when 2 then 'at_risk' when 3 then 'at_risk' else 'healthy' end
    where latest_test_push_status = 'success' and abs(hashtext('e' || id)) % 2 = 0`));
  await h.db.execute(sql.raw(`analyze`));
}

async function explain(h: DbHandle, statement: SQLWrapper): Promise<string> {
  const result = await h.db.execute(sql`explain ${statement}`);
  const rows = (result as unknown as { rows: Record<string, string>[] }).rows;
  return rows.map((r) => r["QUERY PLAN"] ?? Object.values(r)[0]).join("\n");
}

const VIEWS: { label: string; query: SupportListQueryInput; index?: RegExp }[] = [
  { label: "default (last activity, newest first)", query: {}, index: /companies_last_activity_idx/ },
  { label: "sort by name", query: { sort: "name" }, index: /companies_name_idx/ },
  { label: "sort by last test push", query: { sort: "test-push" }, index: /companies_latest_test_push_at_idx/ },
  { label: "sort by last test push, oldest first", query: { sort: "test-push", dir: "asc" }, index: /companies_latest_test_push_at_idx/ },
  { label: "failing", query: { filter: "failing" }, index: /companies_(failing|last_activity)_idx/ },
  { label: "waiting on connector", query: { filter: "waiting" }, index: /companies_(waiting|last_activity)_idx/ },
  { label: "stuck", query: { filter: "stuck" }, index: /companies_(push_enabled|last_activity)_idx/ },
  { label: "push on", query: { filter: "enabled" }, index: /companies_(push_enabled|last_activity)_idx/ },
  { label: "failing, sorted by name", query: { filter: "failing", sort: "name" } },
  { label: "needs attention", query: { filter: "attention" }, index: /companies_needs_attention_idx/ },
  { label: "sort by health, worst first", query: { sort: "health" }, index: /companies_push_health_rank_idx/ },
  { label: "sort by health, best first", query: { sort: "health", dir: "desc" }, index: /companies_push_health_rank_idx/ },
  { label: "needs attention, sorted by health", query: { filter: "attention", sort: "health" } },
  { label: "search a name", query: { q: "harbour dent" }, index: /companies_name_search_idx/ },
  { label: "search a Codat id", query: { q: "3f2a" }, index: /companies_codat_id_prefix_idx/ },
  { label: "search and filter", query: { q: "acme", filter: "failing" } },
  { label: "page 200 of the default view", query: { page: 200, pageSize: 25 }, index: /companies_last_activity_idx/ },
];

describeEachDatabase("support list at 10,000 companies on $name", ({ name, open }) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await open();
    await seedCompanies(h);
  }, 120_000);
  afterAll(async () => h?.close());

  it("seeds the companies and keeps the latest test push per company", async () => {
    const result = await h.db.execute(
      sql`select count(*)::int as n, count(latest_test_push_id)::int as tested from companies`,
    );
    const [row] = (result as unknown as { rows: { n: number; tested: number }[] }).rows;
    expect(row?.n).toBe(COMPANIES);
    expect(row?.tested).toBeGreaterThan(5_000);
  });

  it.each(VIEWS)("finds the page of “$label” through an index, never a scan of companies (the total is counted apart)", async ({ label, query, index }) => {
    const q = supportListQuerySchema.parse(query);
    const { page, total } = supportListStatements(h.db, q, { now: new Date(), stuckAfterDays: STUCK_AFTER_DAYS });
    const pagePlan = await explain(h, page);
    const totalPlan = await explain(h, total);
    const started = performance.now();
    const result = await listSetups(h.db, q);
    const ms = performance.now() - started;
    console.log(`[${name}] ${label}: ${result.total} rows, page in ${ms.toFixed(1)} ms\n${pagePlan}\n-- count:\n${totalPlan}\n`);
    expect(pagePlan, label).not.toMatch(/Seq Scan on companies/);
    expect(pagePlan, label).toMatch(/Index (Only )?Scan.* on companies|Bitmap Index Scan on companies_/);
    if (index) expect(pagePlan, label).toMatch(index);
    expect(ms, `${label} took ${ms.toFixed(0)} ms`).toBeLessThan(1_500);
  });
});
