#!/usr/bin/env node
// `npm start`: build if the sources changed since the last build, then serve. The server migrates
// its database, seeds the demo and prints the demo logins itself (one process owns the embedded DB).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const next = path.join(root, "node_modules", ".bin", "next");
const env = { ...process.env };
env.DEMO ??= "1";
env.PORT ??= "3000";
env.NEXT_TELEMETRY_DISABLED = "1";

const [major] = process.versions.node.split(".").map(Number);
if (major < 20) {
  console.error(`Node ${process.versions.node} is too old: use Node 20 or later.`);
  process.exit(1);
}

const SOURCES = ["app", "components", "lib", "public", "drizzle", "instrumentation.ts", "proxy.ts", "next.config.js", "package.json", "postcss.config.mjs"];

function newestMtime(p) {
  if (!existsSync(p)) return 0;
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

export function needsBuild() {
  const stamp = path.join(root, env.NEXT_DIST_DIR ?? ".next", "BUILD_ID");
  if (!existsSync(stamp)) return true;
  const built = statSync(stamp).mtimeMs;
  return SOURCES.some((s) => newestMtime(path.join(root, s)) > built);
}

if (needsBuild() || process.argv.includes("--build")) {
  console.log("Building the app (first start, or the sources changed)…");
  const r = spawnSync(next, ["build"], { cwd: root, stdio: "inherit", env: { ...env, NODE_ENV: "production" } });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const child = spawn(next, ["start", "-p", env.PORT], { cwd: root, stdio: "inherit", env, detached: false });
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
