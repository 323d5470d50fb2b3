#!/usr/bin/env node
// `npm run lighthouse`: Lighthouse 12.2.3 (mobile preset: a slow phone on a slow network, simulated)
// against the production build the bench made (bench-results/next; run `npm run bench` first), on
// every wizard step, the health page and /support, signed in as the client or as support. Prints
// one row per page with its scores, LCP, TBT and CLS against the budgets; bench-results/lighthouse/
// keeps each report. Exit code 0 even when a budget is missed; nonzero only when a page could not be audited.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { call } from "./bench/http.mjs";
import { createLinkedCompany, setSimConfig, signInSupport, startTestPush, latestTestPush } from "./bench/scenario.mjs";
import { startServer } from "./bench/server.mjs";
import { snapshotApp } from "./bench/snapshot.mjs";
import { sleep } from "./bench/util.mjs";

const root = path.resolve(import.meta.dirname, "..");
/** The pinned Lighthouse's command line (its package's `bin`). */
const require = createRequire(import.meta.url);
const LIGHTHOUSE_CLI = require.resolve("lighthouse/cli/index.js");
const BUILD = path.join(root, "bench-results", "next");
const outDir = path.join(root, "bench-results", "lighthouse");
const BUDGET = { performance: 98, accessibility: 100, bestPractices: 100, lcpMs: 1_800, tbtMs: 100, cls: 0.02 };
const STEPS = ["before-start", "push-user", "connector", "credentials", "test-push", "enable-push", "health"];

if (!existsSync(path.join(BUILD, "BUILD_ID"))) {
  console.error("No build in bench-results/next: run `npm run bench` first.");
  process.exit(1);
}
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
const appDir = path.join(outDir, "app");
snapshotApp(root, BUILD, appDir);
const server = await startServer({ root, appDir, dataDir: path.join(outDir, "data"), logFile: path.join(outDir, "server.log"), label: "lighthouse" });
const rows = [];
let failed = false;
try {
  const base = server.url;
  const support = await signInSupport(base);
  // A company set up to its verified test push, so that every step opens.
  await setSimConfig(base, { processingDelayMs: 300, minuteMs: 60_000, webhooksEnabled: true });
  const company = await createLinkedCompany(base, support, "Lighthouse Ltd");
  const setup = `/api/companies/${company.id}/setup`;
  const jar = company.clientJar;
  await call(base, `${setup}/before-start`, { method: "PUT", jar, json: {}, expect: [200] });
  await call(base, `${setup}/push-user`, { method: "PUT", jar, json: { pushUsername: "Bench Push", everydayUsernames: ["Ann"] }, expect: [200] });
  await call(base, `${setup}/credentials`, { method: "PUT", jar, json: { pushUserEntered: true, companyConfirmed: true }, expect: [200] });
  await startTestPush(base, jar, company.id, "lighthouse-push-1");
  for (let i = 0; i < 100 && (await latestTestPush(base, jar, company.id))?.status !== "success"; i++) await sleep(200);
  const pages = [...STEPS.map((step) => ({ path: `/setup/${step}`, jar })), { path: "/support", jar: support }];
  for (const page of pages) {
    const report = audit(`${base}${page.path}`, page.jar.header(), page.path.replaceAll("/", "_"));
    if (!report) {
      failed = true;
      rows.push([page.path, "ERROR"]);
      continue;
    }
    rows.push(rowOf(page.path, report));
  }
} finally {
  await server.stop();
}
const head = ["page", "perf", "a11y", "best pr.", "LCP", "TBT", "CLS", "result", "landed on"];
console.log([head, ...rows].map((r) => r.map((c, i) => String(c ?? "").padEnd([22, 5, 5, 9, 9, 8, 7, 7, 0][i])).join(" ")).join("\n"));
writeFileSync(path.join(outDir, "summary.json"), JSON.stringify({ budget: BUDGET, rows }, null, 2));
process.exit(failed ? 1 : 0);

/** One Lighthouse run (its CLI, headless Chromium, default mobile preset); the report, or null. */
function audit(url, cookie, name) {
  const file = path.join(outDir, `${name}.json`);
  const r = spawnSync(
    process.execPath,
    [
      LIGHTHOUSE_CLI,
      url,
      "--quiet",
      "--output=json",
      `--output-path=${file}`,
      "--only-categories=performance,accessibility,best-practices",
      `--extra-headers=${JSON.stringify({ Cookie: cookie })}`,
      `--chrome-path=${process.env.CHROMIUM_PATH ?? "/usr/bin/chromium"}`,
      "--chrome-flags=--headless=new --no-sandbox --disable-dev-shm-usage",
    ],
    { encoding: "utf8", timeout: 180_000 },
  );
  if (r.status !== 0 || !existsSync(file)) {
    console.error(`${url}: lighthouse failed (${r.status}): ${(r.stderr || r.stdout || "").slice(-800)}`);
    return null;
  }
  return JSON.parse(readFileSync(file, "utf8"));
}

function rowOf(page, report) {
  const score = (key) => Math.round((report.categories[key]?.score ?? 0) * 100);
  const audit = (key) => report.audits[key]?.numericValue ?? Number.NaN;
  const figures = {
    performance: score("performance"),
    accessibility: score("accessibility"),
    bestPractices: score("best-practices"),
    lcpMs: audit("largest-contentful-paint"),
    tbtMs: audit("total-blocking-time"),
    cls: audit("cumulative-layout-shift"),
  };
  const ok =
    figures.performance >= BUDGET.performance &&
    figures.accessibility >= BUDGET.accessibility &&
    figures.bestPractices >= BUDGET.bestPractices &&
    figures.lcpMs <= BUDGET.lcpMs &&
    figures.tbtMs <= BUDGET.tbtMs &&
    figures.cls <= BUDGET.cls;
  const landed = new URL(report.finalDisplayedUrl).pathname;
  return [
    page,
    figures.performance,
    figures.accessibility,
    figures.bestPractices,
    `${Math.round(figures.lcpMs)} ms`,
    `${Math.round(figures.tbtMs)} ms`,
    figures.cls.toFixed(3),
    ok ? "ok" : "MISSED",
    landed === page ? "" : landed,
  ];
}
