#!/usr/bin/env node
// `npm start`: build if the sources changed since the last build, then serve. The server migrates
// its database, seeds the demo and prints the demo logins itself (one process owns the embedded DB).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
// The server runs from the root: a relative DATA_DIR means the same folder here and there.
process.chdir(root);
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

// Configuration is checked before anything is built or served: a bad variable ends here, by name.
// `next start` runs in production, so production's rules apply (the server checks again at start-up).
const problem = await configProblem({ ...env, NODE_ENV: "production" });
if (problem) {
  console.error(`Sage 50 push setup cannot start: ${problem}`);
  process.exit(1);
}

/** lib/env.ts's verdict on the environment (null when valid), read through tsx (a devDependency). */
async function configProblem(source) {
  let tsImport;
  try {
    ({ tsImport } = await import("tsx/esm/api"));
  } catch {
    return null; // installed without devDependencies: the server's own check at start-up still applies
  }
  const { loadEnv, EnvError } = await tsImport(path.join(root, "lib/env.ts"), import.meta.url);
  try {
    loadEnv(source);
    return null;
  } catch (err) {
    if (err instanceof EnvError) return err.message;
    throw err;
  }
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
