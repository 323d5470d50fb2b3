#!/usr/bin/env node
// The server the browser tests run against: the production build, a fresh embedded database, demo mode.
import { spawn } from "node:child_process";
import { createWriteStream, mkdirSync, rmSync } from "node:fs";
import path from "node:path";

export const E2E_AUTH_SECRET = "e2e-only-secret-not-for-production-0123456789";
const root = path.resolve(import.meta.dirname, "..");
const port = process.env.E2E_PORT ?? "3100";
const dataDir = path.join(root, `.data-e2e-${port}`);
rmSync(dataDir, { recursive: true, force: true });
const child = spawn(path.join(root, "node_modules", ".bin", "next"), ["start", "-p", port, "-H", "127.0.0.1"], {
  cwd: root,
  // Output is also kept in test-results/e2e-server.log: the security specs scan it for secrets.
  stdio: ["ignore", "pipe", "pipe"],
  env: {
    ...process.env,
    DEMO: "1",
    // Fixed so tests can derive the demo links the seed issues (see e2e/support/demo-links.ts).
    AUTH_SECRET: E2E_AUTH_SECRET,
    DATA_DIR: dataDir,
    PORT: port,
    APP_URL: `http://127.0.0.1:${port}`,
    NEXT_TELEMETRY_DISABLED: "1",
    // Live-update streams end after 2 s (the browser reconnects with Last-Event-ID): a request that
    // reads a stream's whole body (the access matrix) gets an answer, and reconnects are exercised.
    EVENTS_MAX_STREAM_MS: "2000",
    // Alerts are emailed within seconds, so the push-health spec need not wait a minute.
    PUSH_HEALTH_INTERVAL_MS: "2000",
  },
});
mkdirSync(path.join(root, "test-results"), { recursive: true });
const log = createWriteStream(path.join(root, "test-results", "e2e-server.log"));
child.stdout.on("data", (chunk) => {
  process.stdout.write(chunk);
  log.write(chunk);
});
child.stderr.on("data", (chunk) => {
  process.stderr.write(chunk);
  log.write(chunk);
});
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code) => process.exit(code ?? 0));
