// The insights page at scale: a fresh PGlite seeded with 10,000 companies and 500,000 timeline
// events (scripts/bench/seed-insights.ts), and every figure the page shows (`loadInsights`) timed
// through the same database handle. Budget: p95 <= 300 ms per view.
//
//   node scripts/bench/insights.mjs [--quick]    run this case alone (prints its rows)
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { row } from "./report.mjs";
import { fmt } from "./util.mjs";

const INSIGHTS_P95_MS = 300;

/** Seeds, measures, and returns the table's rows (and the raw figures). */
export function measureInsights({ root, runDir, companies = 10_000, events = 500_000, samples = 20 }) {
  const dataDir = path.join(runDir, "insights");
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const outFile = path.join(runDir, "insights.json");
  const r = spawnSync(
    path.join(root, "node_modules", ".bin", "tsx"),
    ["scripts/bench/seed-insights.ts", "--data-dir", dataDir, "--out", outFile, "--companies", String(companies), "--events", String(events), "--samples", String(samples)],
    { cwd: root, encoding: "utf8", timeout: 8 * 60_000, env: { ...process.env, NODE_ENV: "production" } },
  );
  if (r.status !== 0) throw new Error(`insights seeding failed (${r.status}): ${(r.stderr || r.stdout || "").slice(-1500)}`);
  const result = JSON.parse(readFileSync(outFile, "utf8"));
  rmSync(dataDir, { recursive: true, force: true });
  const rows = result.views.map((v) =>
    row({
      section: "insights",
      measure: `Insights ${v.query.days} days, ${v.query.flow} p95 (SQL)`,
      figure: v.p95,
      figureText: fmt.ms(v.p95),
      budget: `<=${INSIGHTS_P95_MS} ms`,
      pass: v.p95 <= INSIGHTS_P95_MS,
      note: `p50 ${fmt.ms(v.p50)}; ${result.counts.companies} companies, ${result.counts.events} events; 30-day parts: ${Object.entries(result.parts)
        .map(([k, ms]) => `${k} ${fmt.ms(ms)}`)
        .join(", ")}`,
    }),
  );
  return { rows, result };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = path.resolve(import.meta.dirname, "..", "..");
  const quick = process.argv.includes("--quick");
  const runDir = path.join(root, "bench-results", "insights-run");
  mkdirSync(runDir, { recursive: true });
  const { rows } = measureInsights({ root, runDir, companies: quick ? 2_000 : 10_000, events: quick ? 100_000 : 500_000, samples: quick ? 8 : 20 });
  for (const r of rows) console.log(`${r.pass ? "ok  " : "MISS"} ${r.measure}: ${r.figureText} (budget ${r.budget}; ${r.note})`);
}
