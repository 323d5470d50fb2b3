#!/usr/bin/env node
// `npm test`: type-check, lint, unit and data tests (PGlite and, when it answers, the local
// PostgreSQL), then Playwright in Chromium against a production build. Ends with one
// "N passed, N failed" line counting every suite.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { ensureChromium } from "./find-chromium.mjs";

const root = path.resolve(import.meta.dirname, "..");
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const results = path.join(root, "test-results");
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });
// The test build has its own folder, so `npm test` never replaces the .next a running `npm start`
// serves (next.config.js reads NEXT_DIST_DIR; the browser tests' servers inherit it).
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NEXT_DIST_DIR: ".next-test" };
const only = process.argv.slice(2);
const want = (stage) => only.length === 0 || only.includes(stage);

let passed = 0;
let failed = 0;
let skipped = 0;

function run(label, cmd, args, extraEnv = {}) {
  console.log(`\n▶ ${label}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: { ...env, ...extraEnv } });
  console.log(`  ${label}: ${r.status === 0 ? "ok" : "FAILED"} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return r.status === 0;
}

function step(label, ok) {
  if (ok) passed++;
  else failed++;
  return ok;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

if (want("static")) {
  step("typecheck", run("Type check (tsc)", bin("tsc"), ["--noEmit", "-p", "."]));
  step("lint", run("Lint (eslint)", bin("eslint"), ["--max-warnings=0", "."]));
  step("unused", run("Unused files, exports and dependencies (knip)", bin("knip"), ["--no-progress"]));
}

if (want("unit")) {
  const out = path.join(results, "vitest.json");
  const ok = run("Unit and data tests (vitest)", bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${out}`]);
  const report = readJson(out);
  if (report) {
    passed += report.numPassedTests ?? 0;
    failed += report.numFailedTests ?? 0;
    skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
    if (!ok && (report.numFailedTests ?? 0) === 0) failed++;
  } else if (!ok) failed++;
}

if (want("e2e")) {
  const chromium = ensureChromium();
  if (!chromium) {
    failed++;
  } else {
    const built = run("Production build (next build)", bin("next"), ["build"], { NODE_ENV: "production" });
    if (!step("build", built)) {
      console.log("  Skipping the browser tests: the build failed.");
    } else {
      const out = path.join(results, "playwright.json");
      const ok = run("Browser tests (Playwright, Chromium)", bin("playwright"), ["test"], {
        CHROMIUM_PATH: chromium,
        PLAYWRIGHT_JSON_OUTPUT_NAME: out,
      });
      const report = readJson(out);
      if (report?.stats) {
        passed += report.stats.expected ?? 0;
        failed += (report.stats.unexpected ?? 0) + (report.stats.flaky ?? 0);
        skipped += report.stats.skipped ?? 0;
        if (!ok && !report.stats.unexpected && !report.stats.flaky) failed++;
      } else if (!ok) failed++;
    }
  }
}

console.log(`\nAll suites (${existsSync(results) ? "reports in test-results/" : ""}):`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 ? 1 : 0);
