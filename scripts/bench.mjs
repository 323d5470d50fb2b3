#!/usr/bin/env node
// `npm run bench`: builds once (unless --no-build), then measures the production server against
// baselines taken in the same run, and prints one table; bench-results/bench.json has every figure.
// Exit code 0 even when a budget is missed; nonzero only when the bench itself broke.
//
//   npm run bench                   build, then every measurement (~14–17 minutes on 2 cores)
//   npm run bench -- --no-build     reuse the bench's last build (else the shared .next)
//   npm run bench -- --quick        shorter runs (for working on the bench itself; figures are rougher)
//   npm run bench -- --only=webhooks  build (unless --no-build), then only the webhook ingestion (~6 minutes)
//   npm run bench -- --only=live      build (unless --no-build), then only the live updates, one and two instances
//
// The bench builds into its own folder (NEXT_DIST_DIR=bench-results/next, see next.config.js), so it
// never replaces the .next that others' servers and tests run from, and serves a private copy of it.
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { measureAgainstBaseline, measureUpstreamCalls } from "./bench/load.mjs";
import { extraChunks, firstLoadJs, htmlReferencedJs } from "./bench/page-weight.mjs";
import { errorRow, header, machine, renderTable } from "./bench/report.mjs";
import { liveRows, pageWeightRows, startupRows, statusRows, supportListRows, upstreamRow, verdictRows, webhookRows } from "./bench/rows.mjs";
import { companiesFor, livePhase } from "./bench/live.mjs";
import { withBenchDatabase } from "./bench/postgres.mjs";
import { createLinkedCompany, setSimConfig, signInSupport, startTestPush } from "./bench/scenario.mjs";
import { startServer } from "./bench/server.mjs";
import { snapshotApp } from "./bench/snapshot.mjs";
import { measureSupportList } from "./bench/support-list.mjs";
import { measureInsights } from "./bench/insights.mjs";
import { cpuShare, fmt, performance, round, sleep } from "./bench/util.mjs";
import { measureTimeToVerdict } from "./bench/verdict.mjs";
import { countsInPglite, countsInPostgres, findSustainedRate, linkedCompanies, sendWebhooks, waitForInbox, webhookSecretOf } from "./bench/webhook-ingestion.mjs";
import { call } from "./bench/http.mjs";

const root = path.resolve(import.meta.dirname, "..");
const { values: args } = parseArgs({
  options: { "no-build": { type: "boolean", default: false }, quick: { type: "boolean", default: false }, only: { type: "string" } },
});
const ONLY = ["webhooks", "live"];
if (args.only !== undefined && !ONLY.includes(args.only)) {
  console.error(`bench: --only takes ${ONLY.join(", ")}, not ${args.only}`);
  process.exit(2);
}
const quick = args.quick;
const plan = {
  loadS: quick ? 4 : 10,
  pollersS: quick ? 10 : 30,
  verdictRuns: quick ? 6 : 20,
  companies: quick ? 2_000 : 10_000,
  listSamples: quick ? 10 : 30,
  pageSamples: quick ? 8 : 20,
  liveWatchers: quick ? 300 : 1_000,
  livePerS: 10,
  liveS: quick ? 5 : 12,
  twoInstanceWatchers: quick ? 50 : 200,
  webhookCompanies: quick ? 50 : 100,
  webhookRate: 300,
  webhookS: quick ? 15 : 60,
  /** Rates tried for the sustained rate on PostgreSQL: from 300/s up while they hold, else down until one holds. */
  webhookSteps: [25, 50, 100, 150, 300, 450, 600, 900],
  webhookStepStart: 300,
  webhookStepS: quick ? 8 : 20,
};
const RUN_LIMIT_MS = 25 * 60_000; // a hard stop, well above the ~16 minutes a run takes

const outDir = path.join(root, "bench-results");
const runDir = path.join(outDir, "run");
rmSync(runDir, { recursive: true, force: true });
mkdirSync(runDir, { recursive: true });
const logFile = path.join(runDir, "server.log");
const benchLog = createWriteStream(path.join(runDir, "bench.log"));
const say = (text) => {
  const line = `[bench ${((performance.now() - t0) / 1000).toFixed(0).padStart(3)} s] ${text}`;
  console.log(line);
  benchLog.write(line + "\n");
};

const t0 = performance.now();
const info = machine();
info.cpuShare = { start: round(cpuShare(), 2) };
const rows = [];
const details = { plan, quick };
const problems = [];
const runId = Date.now().toString(36);

const watchdog = setTimeout(() => {
  console.error(`bench: still running after ${RUN_LIMIT_MS / 60_000} minutes; giving up.`);
  process.exit(2);
}, RUN_LIMIT_MS);
watchdog.unref();

/** Runs one part of the bench; a failure is recorded as an ERROR row and the rest still runs. */
async function section(name, fn) {
  say(`${name}…`);
  try {
    await fn();
  } catch (err) {
    problems.push({ section: name, error: String(err?.stack ?? err) });
    rows.push(errorRow(name, name, err));
    say(`${name} FAILED: ${err?.message ?? err}`);
  }
}

function otherBuilds() {
  try {
    // "npm exec next build" and the builder itself, which renames its process "next-build".
    return execFileSync("pgrep", ["-f", "next[ -]build"], { encoding: "utf8" })
      .split("\n")
      .map(Number)
      .filter((pid) => pid && pid !== process.pid);
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
}

/** Two cores: never build, or measure a half-written .next, while someone else's build runs. */
async function waitForOtherBuilds() {
  for (let i = 0; otherBuilds().length > 0; i++) {
    if (i === 0) say(`another next build is running (pids ${otherBuilds().join(", ")}); waiting for it`);
    if (i > 600) throw new Error("another next build kept running for 5 minutes");
    await sleep(500);
  }
}

/** The bench's own build folder, relative to the project (next.config.js reads NEXT_DIST_DIR). */
const BENCH_DIST = "bench-results/next";

async function build() {
  await waitForOtherBuilds();
  // `next build` rewrites next-env.d.ts to import its own folder's route types; put back the
  // shared tree's version, so that the project's type check does not start reading the bench's build.
  const nextEnv = path.join(root, "next-env.d.ts");
  const nextEnvBefore = existsSync(nextEnv) ? readFileSync(nextEnv, "utf8") : null;
  const started = performance.now();
  const out = createWriteStream(path.join(runDir, "build.log"));
  await new Promise((resolve) => out.on("open", resolve));
  const r = spawnSync(path.join(root, "node_modules", ".bin", "next"), ["build"], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", NEXT_DIST_DIR: BENCH_DIST },
    stdio: ["ignore", out, out],
    timeout: 5 * 60_000,
  });
  out.end();
  if (nextEnvBefore !== null && readFileSync(nextEnv, "utf8") !== nextEnvBefore) writeFileSync(nextEnv, nextEnvBefore);
  if (r.status !== 0) throw new Error(`next build failed (status ${r.status}); see bench-results/run/build.log`);
  details.buildMs = performance.now() - started;
  say(`built in ${fmt.s(details.buildMs)}`);
}

const hasBuild = (dist) => existsSync(path.join(root, dist, "BUILD_ID"));

// ---------------------------------------------------------------------------------------------
if (!args["no-build"]) await section("build", build);
else await section("wait for other builds", waitForOtherBuilds);
if (problems.length > 0) finish();
const distDir = [BENCH_DIST, ".next"].find(hasBuild);
if (!distDir) {
  rows.push(errorRow("build", "build", new Error(`no build in ${BENCH_DIST} or .next: drop --no-build`)));
  finish();
}
details.buildDir = distDir;
details.buildAt = new Date(statSync(path.join(root, distDir, "BUILD_ID")).mtimeMs).toISOString();
if (args["no-build"]) say(`using the build in ${distDir} (${details.buildAt})`);
// Everything below reads and serves this private copy of the build (see scripts/bench/snapshot.mjs).
const appDir = path.join(runDir, "app");
await section("snapshot the build", async () => {
  details.buildId = snapshotApp(root, path.join(root, distDir), appDir).buildId;
});
if (problems.length > 0) finish();
if (args.only === "webhooks") {
  await webhookSections();
  finish();
}
if (args.only === "live") {
  let s;
  await section("cold start", async () => {
    s = await startServer({ root, appDir, dataDir: path.join(runDir, "data-live"), logFile, label: "live (PGlite)" });
  });
  if (s) {
    await liveSection(s, null);
    await s.stop();
  }
  await twoInstanceSection();
  finish();
}

// 1. Page weight -------------------------------------------------------------------------------
const BARE = "/link-problem";
let weights;
await section("page weight", async () => {
  weights = firstLoadJs(appDir);
  const built = pageWeightRows(weights, BARE, (route, bare) => extraChunks(appDir, route, bare));
  details.pageWeight = { bareRoute: BARE, rootMain: weights.rootMain, routes: built.routes };
  rows.push(...built.rows);
});

// Servers ---------------------------------------------------------------------------------------
const mainDir = path.join(runDir, "data-main");
const supportDir = path.join(runDir, "data-support");
const startups = { cold: [], warm: [], seeded: [] };
const startupRecord = (s) => ({ healthMs: s.healthMs, readyMs: s.readyMs, appMs: s.appMs, demoMs: s.demoMs, cpuToHealthyMs: s.cpuToHealthyMs });

// 6 (cold), 3, 2 and 4 on one server with a fresh data dir --------------------------------------
let server;
await section("cold start", async () => {
  server = await startServer({ root, appDir, dataDir: mainDir, logFile, label: "main (cold data dir)" });
  startups.cold.push(startupRecord(server));
  say(`healthy after ${fmt.s(server.healthMs)} (Next ready at ${server.readyMs ? fmt.s(server.readyMs) : "?"}, demo seeded at ${fmt.s(server.demoMs)})`);
});

if (server) {
  const base = server.url;
  let support;
  await section("status route and upstream calls", async () => {
    support = await signInSupport(base);
    // The push must stay pending for the whole measurement.
    await setSimConfig(base, { processingDelayMs: 600_000, minuteMs: 60_000 });
    const pollers = await createLinkedCompany(base, support, "Bench Pollers Ltd");
    const push = await startTestPush(base, pollers.clientJar, pollers.id, `bench-pollers-${runId}`);
    if (push.status !== "pending") throw new Error(`the pollers' test push is ${push.status}, not pending`);
    await checkPageWeightAgainstHtml(base, pollers.clientJar);

    // 3. Upstream calls
    info.cpuShare.beforeLoad = round(cpuShare(), 2);
    const up = await measureUpstreamCalls({ base, company: pollers, pollers: 50, durationS: plan.pollersS, server });
    details.upstream = up;
    rows.push(upstreamRow(up));

    // 2. Status route under load, against /api/health (one `select 1`, no session), in alternating rounds
    const pair = await measureAgainstBaseline({
      baseline: { url: `${base}/api/health`, label: "/api/health" },
      route: { url: `${base}/api/companies/${pollers.id}/test-pushes`, headers: { cookie: pollers.clientJar.header() }, label: "status route" },
      rounds: 3,
      roundS: plan.loadS / 2,
      server,
    });
    const { baseline: health, route: status } = pair;
    details.statusLoad = { baseline: health, status, roundRatios: pair.ratios, note: "client session; the latest test push is pending (the polling case)" };
    rows.push(...statusRows(health, status, pair.ratios));
  });

  // 4. Time to verdict, webhooks on
  await section("time to verdict", async () => {
    if (!support) support = await signInSupport(base);
    await setSimConfig(base, { processingDelayMs: 1_000, minuteMs: 60_000, webhooksEnabled: true });
    const companies = [];
    const count = Math.ceil(plan.verdictRuns / 8); // at most 8 of the 10 test pushes a company may start per 10 minutes
    for (let i = 0; i < count; i++) companies.push(await createLinkedCompany(base, support, `Bench Verdict ${i + 1} Ltd`));
    const samples = await measureTimeToVerdict({ base, companies, runs: plan.verdictRuns, runId });
    const built = verdictRows(samples);
    details.verdict = { samples, pollCycleMs: built.pollCycle };
    rows.push(...built.rows);
  });

  // 7. Live updates: the same push load watched by nobody, by open streams, and by pollers
  await liveSection(server, support);

  await server.stop();
  // 6. Start-up with an existing data dir (the same dir, now migrated and seeded with the demo)
  await section("warm start", async () => {
    for (let i = 0; i < 2; i++) {
      const s = await startServer({ root, appDir, dataDir: mainDir, logFile, label: `main (existing data dir) #${i + 1}` });
      startups.warm.push(startupRecord(s));
      await s.stop();
    }
  });
}

/** The manifests' figure against the chunks a browser is really sent (the page's HTML). */
async function checkPageWeightAgainstHtml(base, clientJar) {
  const pages = [
    [BARE, (await call(base, BARE)).body],
    ["/setup/before-start", (await call(base, "/setup/before-start", { jar: clientJar })).body],
  ];
  details.htmlCheck = {};
  for (const [route, html] of pages) {
    const fromHtml = htmlReferencedJs(appDir, String(html)).gzip;
    const fromManifest = weights?.routes.find((r) => r.route === route)?.gzip ?? null;
    details.htmlCheck[route] = { fromHtml, fromManifest };
    if (fromManifest !== null && fromHtml !== fromManifest) say(`note: ${route} HTML names ${fmt.kb(fromHtml)} of JS, the manifests ${fmt.kb(fromManifest)}`);
  }
}

// 5. Support list at scale: seed a copy of the (stopped) main data dir, time the SQL, then serve it
let seeded;
await section("seed support list", async () => {
  if (!existsSync(mainDir)) throw new Error("the main data dir is missing (the cold start failed)");
  cpSync(mainDir, supportDir, { recursive: true });
  const outFile = path.join(runDir, "seed.json");
  const r = spawnSync(
    path.join(root, "node_modules", ".bin", "tsx"),
    ["scripts/bench/seed-support-list.ts", "--data-dir", supportDir, "--out", outFile, "--companies", String(plan.companies), "--samples", String(plan.listSamples)],
    { cwd: root, encoding: "utf8", timeout: 5 * 60_000, env: { ...process.env, NODE_ENV: "production" } },
  );
  if (r.status !== 0) throw new Error(`seeding failed (${r.status}): ${(r.stderr || r.stdout || "").slice(-1500)}`);
  seeded = JSON.parse(readFileSync(outFile, "utf8"));
  say(`seeded ${seeded.companies.companies} companies in ${fmt.s(seeded.seedMs)}`);
});

if (seeded) {
  let s2;
  await section("support list over HTTP", async () => {
    s2 = await startServer({ root, appDir, dataDir: supportDir, logFile, label: `support (${plan.companies} companies)` });
    startups.seeded.push(startupRecord(s2));
    const supportJar = await signInSupport(s2.url);
    info.cpuShare.beforeSupportList = round(cpuShare(), 2);
    const http = await measureSupportList({ base: s2.url, supportJar, samples: plan.listSamples, pageSamples: plan.pageSamples });
    details.supportList = { seeded, http };
    rows.push(...supportListRows(http, seeded, BARE));
  });
  if (s2) await s2.stop();
}

// 7b. Two instances on one PostgreSQL: pushes started on A, watched on B
await twoInstanceSection();

await webhookSections();

// 5b. Insights at scale: its own seeded database, timed in-process (scripts/bench/insights.mjs)
await section("insights", async () => {
  const { rows: insightRows, result } = measureInsights({ root, runDir, companies: plan.companies, events: plan.companies * 50, samples: plan.pageSamples });
  details.insights = result;
  rows.push(...insightRows);
});

// 6. Start-up rows
details.startups = startups;
rows.push(...startupRows(startups, plan.companies));

finish();

// 8. Codat write webhooks: 300/s for a minute on PGlite and on PostgreSQL, then the sustained rate of one and two instances on PostgreSQL
async function webhookSections() {
  const webhooks = {};
  /** A few webhooks to each new server first (its first requests compile and open connections). */
  const warmUp = (targets, load) => sendWebhooks({ ...load, targets, rate: 50, durationS: 3, seed: 1 });
  const loadAverage = () => os.loadavg().map((n) => round(n, 2));
  await section("webhook ingestion (PGlite)", async () => {
    const dataDir = path.join(runDir, "data-webhooks");
    const s = await startServer({ root, appDir, dataDir, logFile, label: "webhooks (PGlite)" });
    let running = true;
    try {
      const support = await signInSupport(s.url);
      const companies = await linkedCompanies({ base: s.url, support, count: plan.webhookCompanies, label: "Webhooks" });
      const load = { companies, secret: webhookSecretOf(dataDir), expected: new Map() };
      await warmUp([s.url], load);
      await waitForInbox({ base: s.url, support });
      say(`webhooks: ${plan.webhookRate}/s for ${plan.webhookS} s to one instance (PGlite), ${companies.length} companies; load average ${loadAverage().join(" ")}`);
      const before = loadAverage();
      const cpu0 = s.cpuMs();
      const loadStart = performance.now();
      const result = await sendWebhooks({ ...load, targets: [s.url], rate: plan.webhookRate, durationS: plan.webhookS, seed: 2 });
      // Acknowledged is not applied: the inbox is applied in the background; the counts are read once it is empty.
      const drain = await waitForInbox({ base: s.url, support });
      const applyMs = performance.now() - loadStart;
      say(`  inbox ${drain.drained ? `drained ${(drain.drainMs / 1000).toFixed(1)} s after the load` : `NOT drained (${drain.waiting} waiting)`}; ${drain.failed ?? "?"} parked as failed`);
      const serverCpuMsPerWebhook = (s.cpuMs() - cpu0) / result.sent;
      // PGlite has one owner: stop the server (its inbox empty), then read its counts.
      await s.stop();
      running = false;
      const counts = await countsInPglite(dataDir, load.expected);
      webhooks.pglite = { load: result, drain, applyMs, counts, serverCpuMsPerWebhook, loadAverage: [...before, "→", ...loadAverage()] };
      rows.push(...webhookRows({ pglite: webhooks.pglite }));
    } finally {
      if (running) await s.stop();
    }
  });
  await section("webhook ingestion on two instances (PostgreSQL)", async () => {
    await withBenchDatabase(`${runId}wh`, async (databaseUrl) => {
      // One DATA_DIR for both: the same kept webhook secret, as two instances behind a load balancer.
      const dataDir = path.join(runDir, "data-webhooks-pg");
      const a = await startServer({ root, appDir, dataDir, logFile, label: "webhooks A (PostgreSQL)", databaseUrl });
      let b;
      try {
        const support = await signInSupport(a.url);
        const companies = await linkedCompanies({ base: a.url, support, count: plan.webhookCompanies, label: "Webhooks PG" });
        const load = { companies, secret: webhookSecretOf(dataDir), expected: new Map(), rates: plan.webhookSteps, start: plan.webhookStepStart, stepS: plan.webhookStepS, say, support };
        await warmUp([a.url], load);
        await waitForInbox({ base: a.url, support });
        const before = loadAverage();
        // The issue's own case on the production database: the same minute at 300/s as on PGlite.
        say(`webhooks: ${plan.webhookRate}/s for ${plan.webhookS} s to one instance (PostgreSQL); load average ${before.join(" ")}`);
        const minute = await sendWebhooks({ ...load, targets: [a.url], rate: plan.webhookRate, durationS: plan.webhookS, seed: 3 });
        const minuteDrain = await waitForInbox({ base: a.url, support });
        say(`  p99 ${Math.round(minute.latency.p99)} ms, ${minute.failed} not acknowledged; inbox ${minuteDrain.drained ? `drained ${(minuteDrain.drainMs / 1000).toFixed(1)} s after the load` : "NOT drained"}`);
        say(`webhooks: one instance (PostgreSQL), steps of ${plan.webhookStepS} s; load average ${loadAverage().join(" ")}`);
        const one = await findSustainedRate({ ...load, targets: [a.url], seed: 10 });
        b = await startServer({ root, appDir, dataDir, logFile, label: "webhooks B (PostgreSQL)", databaseUrl });
        await warmUp([b.url], load);
        await waitForInbox({ base: a.url, support });
        say(`webhooks: two instances (PostgreSQL), round robin; load average ${loadAverage().join(" ")}`);
        const two = await findSustainedRate({ ...load, targets: [a.url, b.url], seed: 20 });
        const counts = await countsInPostgres(databaseUrl, load.expected);
        webhooks.postgres = { minute: { load: minute, drain: minuteDrain }, one, two, counts, loadAverage: [...before, "→", ...loadAverage()] };
        rows.push(...webhookRows({ postgres: webhooks.postgres }));
      } finally {
        await b?.stop();
        await a.stop();
      }
    });
  });
  details.webhooks = webhooks;
}

/** 7. Live updates on `server`: the same push load watched by nobody, by open streams, and by pollers. */
async function liveSection(server, signedIn) {
  await section("live updates", async () => {
    const base = server.url;
    const support = signedIn ?? (await signInSupport(base));
    await setSimConfig(base, { processingDelayMs: 500, minuteMs: 60_000, webhooksEnabled: true });
    const phase = async (label, count, mode) => {
      const companies = await companiesFor({ base, support, perS: plan.livePerS, durationS: plan.liveS, label });
      say(`live: ${label}, ${count} watchers on ${companies.length} companies`);
      return livePhase({ writeBase: base, server, companies, count, mode, perS: plan.livePerS, durationS: plan.liveS, tag: `${runId}-${label.replace(/\W+/g, "-")}` });
    };
    const none = await phase("Live None", 0, "none");
    const streams = await phase("Live Streams", plan.liveWatchers, "stream");
    const polling = await phase("Live Polling", plan.liveWatchers, "poll");
    details.live = { ...details.live, none, streams, polling };
    rows.push(...liveRows({ none, streams, polling }));
  });
}

/** 7b. Two instances on one PostgreSQL (one DATA_DIR: the same generated secrets, so a session made on A is good on B, as behind a load balancer). */
async function twoInstanceSection() {
  await section("live updates on two instances", async () => {
    await withBenchDatabase(runId, async (databaseUrl) => {
      const a = await startServer({ root, appDir, dataDir: path.join(runDir, "data-pg-a"), logFile, label: "A (PostgreSQL)", databaseUrl });
      let b;
      try {
        b = await startServer({ root, appDir, dataDir: path.join(runDir, "data-pg-a"), logFile, label: "B (PostgreSQL)", databaseUrl });
        const support = await signInSupport(a.url);
        await setSimConfig(a.url, { processingDelayMs: 500, minuteMs: 60_000, webhooksEnabled: true });
        const companies = await companiesFor({ base: a.url, support, perS: plan.livePerS, durationS: plan.liveS, label: "Two Instances" });
        const twoInstances = await livePhase({
          writeBase: a.url,
          watchBase: b.url,
          server: b,
          companies,
          count: plan.twoInstanceWatchers,
          mode: "stream",
          perS: plan.livePerS,
          durationS: plan.liveS,
          tag: `${runId}-two`,
        });
        details.live = { ...details.live, twoInstances };
        rows.push(...liveRows({ twoInstances }));
      } finally {
        await b?.stop();
        await a.stop();
      }
    });
  });
}

function finish() {
  const ordered = ["build", "page weight", "status route", "upstream", "verdict", "live", "webhooks", "support list", "insights", "start-up"];
  rows.sort((a, b) => ordered.indexOf(a.section) - ordered.indexOf(b.section));
  info.loadAverageAtEnd = os.loadavg().map((n) => round(n, 2));
  info.cpuShare.end = round(cpuShare(), 2);
  info.durationS = round((performance.now() - t0) / 1000, 0);
  const table = renderTable(rows);
  const missed = rows.filter((r) => r.pass === false && r.figureText !== "ERROR");
  const broken = rows.some((r) => r.figureText === "ERROR") || problems.length > 0;
  console.log(`\n${header(info)}\n\n${table}\n`);
  console.log(`run took ${info.durationS} s; load average at end ${info.loadAverageAtEnd.join(" ")}`);
  const shares = Object.values(info.cpuShare);
  console.log(`CPU share a spinning thread got (1.00 = a whole core): ${Object.entries(info.cpuShare).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(", ")}`);
  if (Math.min(...shares) < 0.8) {
    console.log("  WARNING: other processes were using the CPUs; absolute times are inflated (ratios less so). Re-run on a quiet machine before acting on a timing miss.");
  }
  if (missed.length) console.log(`\nMISSED budgets (${missed.length}):\n${missed.map((r) => `  - ${r.measure}: ${r.figureText} (budget ${r.budget}) ${r.note}`).join("\n")}`);
  if (problems.length) console.log(`\nThe bench itself had problems:\n${problems.map((p) => `  - ${p.section}: ${p.error.split("\n")[0]}`).join("\n")}`);
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, "bench.json"), JSON.stringify({ machine: info, rows, details, problems }, null, 2));
  console.log(`\nWrote bench-results/bench.json (server logs: bench-results/run/server.log)`);
  benchLog.end();
  process.exit(broken ? 1 : 0);
}
