#!/usr/bin/env node
// `npm test`: type-check, lint, unit and data tests (PGlite and, when it answers, the local
// PostgreSQL), then Playwright in Chromium against a production build. Ends with one
// "N passed, N failed" line counting every suite.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { ensureChromium } from "./find-chromium.mjs";
import { playwrightFailures, vitestFailures } from "./test-failures.mjs";

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
/** What failed, by name, repeated under the last line so a log's tail says what broke. */
const failures = [];

function run(label, cmd, args, extraEnv = {}) {
  console.log(`\n▶ ${label}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: { ...env, ...extraEnv } });
  console.log(`  ${label}: ${r.status === 0 ? "ok" : "FAILED"} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return r.status === 0;
}

function step(label, ok) {
  if (ok) passed++;
  else {
    failed++;
    failures.push(label);
  }
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
    failures.push(...vitestFailures(report, root));
    if (!ok && (report.numFailedTests ?? 0) === 0) {
      failed++;
      if (!report.testResults?.some((f) => f.status === "failed")) failures.push("vitest exited with an error");
    }
  } else if (!ok) {
    failed++;
    failures.push("vitest (no report written)");
  }
}

if (want("e2e")) {
  const chromium = ensureChromium();
  if (!chromium) {
    step("Chromium (not found)", false);
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
        failures.push(...playwrightFailures(report.suites));
        if (!ok && !report.stats.unexpected && !report.stats.flaky) {
          failed++;
          failures.push("playwright exited with an error");
        }
      } else if (!ok) {
        failed++;
        failures.push("playwright (no report written)");
      }
    }
  }
}

console.log(`\nAll suites (${existsSync(results) ? "reports in test-results/" : ""}):`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
if (failures.length > 0) console.log(`Failed:\n${failures.map((f) => `  - ${f}`).join("\n")}`);
process.exit(failed > 0 ? 1 : 0);
