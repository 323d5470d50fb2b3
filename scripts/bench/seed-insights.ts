/**
 * Bench only (run by scripts/bench/insights.mjs through tsx, never by the app): seeds a fresh PGlite
 * data directory with N companies over 90 days (progress, test pushes with causes, push health's
 * failures and daily counts) and M timeline events, then times what the insights page reads
 * (`loadInsights`, every figure) through the same database handle.
 *
 *   tsx scripts/bench/seed-insights.ts --data-dir DIR --out FILE [--companies N] [--events M] [--samples S]
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { openDb, type DbHandle } from "@/lib/db/client";
import { loadInsights } from "@/lib/insights/load-insights";
import type { InsightsQuery } from "@/lib/insights/insights-query-schema";
import { readFunnel } from "@/lib/db/queries/insights-funnel";
import { readStalledByStep } from "@/lib/db/queries/insights-stalled";
import { readTestPushFailures, readWriteFailures } from "@/lib/db/queries/insights-failures";
import { readCompletions } from "@/lib/db/queries/insights-completed";

/** The views timed: the page's default, the longest period, and one flow. */
const VIEWS: InsightsQuery[] = [
  { days: 30, flow: "all" },
  { days: 90, flow: "all" },
  { days: 7, flow: "new" },
];

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length))) - 1] ?? Number.NaN;
}

async function seed(h: DbHandle, companies: number, events: number): Promise<void> {
  const run = (text: string) => h.db.execute(sql.raw(text));
  await run(`
    insert into companies (name, contact_email, codat_company_id, flow, connection_status, codat_connection_id, push_enabled, created_at, last_activity_at)
    select 'Insight ' || i, 'owner' || i || '@insights.bench.invalid', md5('insights' || i)::uuid::text,
      case when i % 5 = 0 then 'upgrade' else 'new' end,
      case when i % 10 < 6 then 'Linked' when i % 10 < 9 then 'PendingAuth' end,
      case when i % 10 < 9 then 'bench-conn-' || i end,
      false,
      now() - (i % 90) * interval '1 day' - (i % 24) * interval '1 hour',
      now() - (i % 90) * interval '1 day' + (i % 7) * interval '1 hour'
    from generate_series(1, ${companies}) as i`);
  await run(`
    insert into setup_progress (company_id, before_start_done_at, push_username, push_user_done_at, connector_linked_at, company_confirmed_at)
    select id,
      case when abs(hashtext('b' || id)) % 10 < 9 then created_at + interval '1 hour' end,
      case when connection_status is not null then 'Push User' end,
      case when connection_status is not null then created_at + interval '3 hours' end,
      case when connection_status = 'Linked' then created_at + interval '9 hours' end,
      case when connection_status = 'Linked' then created_at + interval '10 hours' end
    from companies`);
  await run(`
    insert into test_pushes (company_id, connection_id, supplier_ref, supplier_name, status, diagnosis_code, timeout_in_minutes, deadline_at, started_by_type, started_at, completed_at)
    select id, codat_connection_id, 'TEST0001', 'Connection test', s.status, s.code, 5, now(), 'client', created_at + interval '11 hours', created_at + interval '11 hours 1 minute'
    from companies,
      lateral (select case abs(hashtext('s' || id)) % 6 when 0 then 'failed' when 1 then 'timed_out' else 'success' end as status) t,
      lateral (select t.status as status, case t.status when 'failed' then 'concurrent_login' when 'timed_out' then 'connector_offline' else 'push_succeeded' end as code) s
    where connection_status = 'Linked' and created_at < now() - interval '12 hours'`);
  await run(`
    update companies c set push_enabled = true, push_enabled_at = c.created_at + interval '13 hours'
    where latest_test_push_status = 'success' and abs(hashtext('e' || id)) % 3 > 0`);
  await run(`
    insert into push_writes (company_id, push_operation_key, data_type, outcome, codat_status, completed_at, recorded_at, diagnosis_code)
    select c.id, 'op-' || c.id || '-' || k, 'bills', 'failed', 'Failed', now() - k * interval '1 day', now() - k * interval '1 day',
      (array['concurrent_login','connector_offline','insufficient_rights','connector_paused'])[1 + k % 4]
    from companies c cross join generate_series(1, 20) as k where c.push_enabled`);
  await run(`
    insert into push_write_days (company_id, day, data_type, succeeded, failed)
    select c.id, (now() - k * interval '1 day')::date, 'bills', 40, case when (k + hashtext(c.id::text)) % 5 = 0 then 1 + k % 3 else 0 end
    from companies c cross join generate_series(0, 29) as k where c.push_enabled`);
  // One link issued per company, then ordinary timeline events up to M in all.
  await run(`insert into events (company_id, actor_type, type, data, created_at) select id, 'staff', 'setup_link.issued', '{}', created_at + interval '5 minutes' from companies`);
  const perCompany = Math.max(0, Math.ceil((events - companies) / companies));
  await run(`
    insert into events (company_id, actor_type, type, data, created_at)
    select c.id, 'codat', (array['webhook.received','connection.status_changed','test_push.started','note.added'])[1 + k % 4], '{}', c.created_at + k * interval '10 minutes'
    from companies c cross join generate_series(1, ${perCompany}) as k`);
  await run(`delete from events where id > (select min(id) from events) + ${events} - 1`);
  await run(`analyze`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      "data-dir": { type: "string" },
      out: { type: "string" },
      companies: { type: "string", default: "10000" },
      events: { type: "string", default: "500000" },
      samples: { type: "string", default: "20" },
    },
  });
  if (!values["data-dir"] || !values.out) throw new Error("usage: seed-insights.ts --data-dir DIR --out FILE");
  const companies = Math.min(100_000, Math.max(10, Number(values.companies)));
  const events = Math.min(5_000_000, Math.max(companies, Number(values.events)));
  const samples = Math.min(200, Math.max(5, Number(values.samples)));
  mkdirSync(values["data-dir"], { recursive: true });
  const h = await openDb({ dataDir: path.join(path.resolve(values["data-dir"]), "pglite") });
  try {
    const t0 = performance.now();
    await seed(h, companies, events);
    const seedMs = performance.now() - t0;
    const [counts] = (
      (await h.db.execute(
        sql`select (select count(*)::int from companies) as companies, (select count(*)::int from events) as events,
          (select count(*)::int from test_pushes) as test_pushes, (select count(*)::int from push_writes) as push_writes`,
      )) as unknown as { rows: Record<string, number>[] }
    ).rows;
    const views = [];
    for (const query of VIEWS) {
      for (let i = 0; i < 3; i++) await loadInsights(h.db, query);
      const out: number[] = [];
      for (let i = 0; i < samples; i++) {
        const started = performance.now();
        await loadInsights(h.db, query);
        out.push(performance.now() - started);
      }
      views.push({ query, p50: percentile(out, 50), p95: percentile(out, 95), samples: out.length });
    }
    // Where the time goes: each query of the default view alone (p50 of a few runs).
    const params = { from: new Date(Date.now() - 30 * 86_400_000), to: new Date(), flows: ["new", "upgrade"] as ("new" | "upgrade")[] };
    const parts: Record<string, number> = {};
    for (const [name, run] of Object.entries({
      funnel: () => readFunnel(h.db, params),
      stalled: () => readStalledByStep(h.db, { quietSince: new Date(Date.now() - 3 * 86_400_000), flows: params.flows }),
      testPushFailures: () => readTestPushFailures(h.db, params),
      writeFailures: () => readWriteFailures(h.db, params),
      completions: () => readCompletions(h.db, params),
    })) {
      const out: number[] = [];
      for (let i = 0; i < 5; i++) {
        const started = performance.now();
        await run();
        out.push(performance.now() - started);
      }
      parts[name] = percentile(out, 50);
    }
    writeFileSync(values.out, JSON.stringify({ counts, seedMs, views, parts }, null, 2));
  } finally {
    await h.close();
  }
}

await main();
