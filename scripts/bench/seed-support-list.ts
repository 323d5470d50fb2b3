/**
 * Bench only (run by scripts/bench.mjs through tsx, never by the app): seeds a PGlite data directory
 * with N companies, their setup progress and test pushes, then times the support list's SQL through
 * the same database handle, before any server opens the directory (PGlite is single-process).
 *
 *   tsx scripts/bench/seed-support-list.ts --data-dir bench-results/run/support --out seed.json
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { sql, type SQLWrapper } from "drizzle-orm";
import { openDb, type DbHandle } from "@/lib/db/client";
import { listCompaniesForSupport, supportListStatements } from "@/lib/db/queries/support-list";
import { STUCK_AFTER_DAYS } from "@/lib/support/support-settings";
import { supportListQuerySchema, type SupportListQueryInput } from "@/lib/support/support-list-schema";

type View = { key: string; query: SupportListQueryInput };

/** The views the bench measures, over HTTP too (scripts/bench/support-list.mjs uses the same keys). */
export const VIEWS: View[] = [
  { key: "list", query: { page: 1 } },
  { key: "stuck", query: { filter: "stuck" } },
  { key: "failing", query: { filter: "failing" } },
  { key: "waiting", query: { filter: "waiting" } },
  { key: "enabled", query: { filter: "enabled" } },
  { key: "search", query: { q: "harbour dent" } },
];

type Timing = { samples: number[]; p50: number; p95: number; total: number };

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1] ?? Number.NaN;
}

async function rowsOf<T>(h: DbHandle, statement: SQLWrapper): Promise<T[]> {
  const result = await h.db.execute(statement);
  return (result as unknown as { rows: T[] }).rows;
}

/** Seeded companies are told apart from the demo's and the bench's own by their contact address. */
const SEEDED_DOMAIN = "@seeded.bench.invalid";
const SEEDED = `contact_email like '%${SEEDED_DOMAIN}'`;

/**
 * A plausible spread: ~65% linked (most tested, half of the successes pushing), 20% waiting for the
 * connector, 10% not started, 5% broken; activity skewed to recent days, so a share is "stuck". No
 * test push is left running: the app's follower would expire seeded ones during the measurement.
 */
async function seed(h: DbHandle, companies: number): Promise<void> {
  await h.db.execute(
    sql.raw(`
    insert into companies (name, contact_email, codat_company_id, flow, connection_status, codat_connection_id, push_enabled, last_activity_at, created_at)
    select
      (array['Acme','Bright','Cedar','Delta','Eagle','Fern','Granite','Harbour','Iris','Juniper'])[1 + i % 10] || ' ' ||
      (array['Trading','Bakery','Garage','Dental','Estates','Logistics','Studio','Foods'])[1 + (i / 10) % 8] || ' ' || i,
      'owner' || i || '${SEEDED_DOMAIN}',
      md5('bench-company' || i)::uuid::text,
      case when i % 7 = 0 then 'upgrade' else 'new' end,
      case when i % 20 < 13 then 'Linked' when i % 20 < 17 then 'PendingAuth' when i % 20 < 19 then null
           when i % 40 = 19 then 'Unlinked' else 'Deauthorized' end,
      case when i % 20 < 17 or i % 20 = 19 then 'bench-conn-' || i end,
      false,
      now() - (power((abs(hashtext('a' || i)) % 1000) / 1000.0, 3) * 60) * interval '1 day',
      now() - 90 * interval '1 day'
    from generate_series(1, ${companies}) as i`),
  );
  await h.db.execute(
    sql.raw(`
    insert into setup_progress (company_id, before_start_done_at, push_username, push_user_done_at, connector_linked_at, company_confirmed_at, confirmed_company_name)
    select id,
      case when connection_status is not null or abs(hashtext('b' || id)) % 3 = 0 then created_at + interval '1 hour' end,
      case when connection_status is not null then 'Push User' end,
      case when connection_status is not null then created_at + interval '2 hours' end,
      case when connection_status in ('Linked', 'Unlinked', 'Deauthorized') then created_at + interval '3 hours' end,
      case when connection_status = 'Linked' then created_at + interval '4 hours' end,
      case when connection_status = 'Linked' then name end
    from companies where ${SEEDED}`),
  );
  // An older attempt for a third of the tested companies, then the latest one (the trigger keeps
  // companies.latest_test_push_* on the newest).
  await h.db.execute(
    sql.raw(`
    insert into test_pushes (company_id, connection_id, supplier_ref, supplier_name, status, timeout_in_minutes, deadline_at, started_by_type, started_at, completed_at, push_operation_key)
    select id, codat_connection_id, 'TEST0000', 'Connection test', 'failed', 5, now(), 'client',
           now() - 30 * interval '1 day', now() - 30 * interval '1 day' + interval '40 seconds', gen_random_uuid()::text
    from companies
    where ${SEEDED} and connection_status = 'Linked' and abs(hashtext('h' || id)) % 3 = 0`),
  );
  await h.db.execute(
    sql.raw(`
    insert into test_pushes (company_id, connection_id, supplier_ref, supplier_name, status, timeout_in_minutes, deadline_at, started_by_type, started_at, completed_at, push_operation_key)
    select id, codat_connection_id, 'TEST0001', 'Connection test', s.status, 5, now(), 'client', s.started_at, s.started_at + interval '30 seconds', gen_random_uuid()::text
    from companies,
         lateral (select case abs(hashtext('s' || id)) % 25 when 0 then 'failed' when 1 then 'timed_out' when 2 then 'error' else 'success' end as status,
                         now() - (abs(hashtext('p' || id)) % 20000) * interval '1 minute' as started_at) s
    where ${SEEDED} and connection_status in ('Linked', 'Unlinked', 'Deauthorized') and abs(hashtext('t' || id)) % 12 <> 0`),
  );
  await h.db.execute(
    sql.raw(`
    update companies set push_enabled = true, push_enabled_at = now() - interval '1 day'
    where ${SEEDED} and connection_status = 'Linked' and latest_test_push_status = 'success' and abs(hashtext('e' || id)) % 2 = 0`),
  );
  await h.db.execute(sql.raw(`analyze`));
}

async function time(run: () => Promise<unknown>, samples: number, warmUp = 3): Promise<Timing> {
  for (let i = 0; i < warmUp; i++) await run();
  const out: number[] = [];
  for (let i = 0; i < samples; i++) {
    const started = performance.now();
    await run();
    out.push(performance.now() - started);
  }
  return { samples: out, p50: percentile(out, 50), p95: percentile(out, 95), total: out.length };
}

/** Times several runs in turn, `samples` rounds after warming up, one Timing each. */
async function timeInTurn(runs: (() => Promise<unknown>)[], samples: number, warmUp = 3): Promise<Timing[]> {
  for (let i = 0; i < warmUp; i++) for (const run of runs) await run();
  const out: number[][] = runs.map(() => []);
  for (let i = 0; i < samples; i++) {
    for (const [k, run] of runs.entries()) {
      const started = performance.now();
      await run();
      out[k]?.push(performance.now() - started);
    }
  }
  return out.map((o) => ({ samples: o, p50: percentile(o, 50), p95: percentile(o, 95), total: o.length }));
}

async function explainAnalyze(h: DbHandle, statement: SQLWrapper): Promise<string> {
  const rows = await rowsOf<Record<string, string>>(h, sql`explain (analyze, buffers off) ${statement}`);
  return rows.map((r) => r["QUERY PLAN"] ?? Object.values(r)[0] ?? "").join("\n");
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      "data-dir": { type: "string" },
      out: { type: "string" },
      companies: { type: "string", default: "10000" },
      samples: { type: "string", default: "30" },
    },
  });
  const dataDir = values["data-dir"];
  const out = values.out;
  if (!dataDir || !out) throw new Error("usage: seed-support-list.ts --data-dir DIR --out FILE [--companies N] [--samples N]");
  const companies = Math.min(100_000, Math.max(1, Number(values.companies)));
  const samples = Math.min(500, Math.max(5, Number(values.samples)));

  const t0 = performance.now();
  // The same layout the app uses: DATA_DIR/pglite (lib/db/client.ts getDbHandle).
  const h = await openDb({ dataDir: path.join(path.resolve(dataDir), "pglite") });
  const openMs = performance.now() - t0;
  try {
    const t1 = performance.now();
    await seed(h, companies);
    const seedMs = performance.now() - t1;
    const [counts] = await rowsOf<Record<string, number>>(
      h,
      sql`select count(*)::int as companies,
                 count(*) filter (where latest_test_push_id is not null)::int as tested,
                 count(*) filter (where push_enabled)::int as enabled,
                 (select count(*)::int from test_pushes) as test_pushes
          from companies`,
    );

    const baseline = await time(() => h.db.execute(sql`select 1`), samples);
    const now = new Date();
    const opts = { now, stuckAfterDays: STUCK_AFTER_DAYS };
    const views = [];
    for (const view of VIEWS) {
      const q = supportListQuerySchema.parse(view.query);
      const { page, total: count } = supportListStatements(h.db, q, opts);
      let total = 0;
      // The list as the app runs it, and its two statements (the page and its count) alone, taken in
      // turn so that all three see the same machine: where the time goes.
      const [timing, pageTiming, countTiming] = await timeInTurn(
        [
          async () => {
            total = (await listCompaniesForSupport(h.db, q, opts)).total;
          },
          () => page.execute(),
          () => count.execute(),
        ],
        samples,
      );
      views.push({
        key: view.key,
        query: view.query,
        rows: total,
        timing,
        parts: { page: pageTiming, count: countTiming },
        plan: { page: await explainAnalyze(h, page), count: await explainAnalyze(h, count) },
      });
    }
    writeFileSync(out, JSON.stringify({ companies: counts, openMs, seedMs, baseline, views }, null, 2));
  } finally {
    await h.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
