// Production servers for the bench: `next start` on a free port of 127.0.0.1, in its own process
// group (so next-server dies with it), its own DATA_DIR, DEMO=1 and the simulator (no Codat key).
/* global AbortSignal */
import { execFileSync, spawn } from "node:child_process";
import { createWriteStream, existsSync, readFileSync, readdirSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";

const START_TIMEOUT_MS = 90_000;
/** The demo seed (simulator mode) runs after the server answers; its banner ends with one of these. */
const DEMO_DONE = /A client setup link|demo companies could not be created/;
const DEMO_TIMEOUT_MS = 120_000;
const STOP_GRACE_MS = 5_000;

/** Process groups still running; killed when the bench exits, whatever the reason. */
const groups = new Set();
// Ctrl-C or a kill ends the bench through process.exit, so that the "exit" handler below runs (the
// servers are in their own process groups: the terminal's signal does not reach them).
for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(sig, () => process.exit(130));
process.on("exit", () => {
  for (const pid of groups) {
    try {
      process.kill(-pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
});

let ticksPerSecond;

/**
 * CPU time (user + system, ms) used so far by every live process of a process group, from /proc.
 * Unlike a timing, CPU per request barely changes when other processes compete for the cores.
 * Returns null where /proc is not available.
 */
function groupCpuMs(pgid) {
  if (!existsSync("/proc/self/stat")) return null;
  ticksPerSecond ??= Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  let ticks = 0;
  for (const fields of groupStats(pgid)) ticks += Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / ticksPerSecond;
}

/** Resident memory (bytes) of every live process of a process group, from /proc; null without it. */
function groupRssBytes(pgid) {
  if (!existsSync("/proc/self/stat")) return null;
  // rss(24) is in pages; Linux pages here are 4 KiB.
  let pages = 0;
  for (const fields of groupStats(pgid)) pages += Number(fields[21]);
  return pages * 4096;
}

/** The /proc/<pid>/stat fields after the command name, for each process of the group. */
function* groupStats(pgid) {
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // exited meanwhile
    }
    // pid (comm) state ppid pgrp … utime(14) stime(15) … rss(24): split after the command name's ")".
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(fields[2]) === pgid) yield fields;
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function serverEnv(dataDir, port, databaseUrl) {
  const env = { ...process.env };
  // The simulator, PGlite (unless the bench passes `databaseUrl`) and generated secrets: nothing from the caller's shell may change that.
  // NEXT_DIST_DIR too: the server runs the snapshot's default .next.
  for (const name of ["CODAT_API_KEY", "CODAT_BASE_URL", "CODAT_WEBHOOK_SECRET", "DATABASE_URL", "AUTH_SECRET", "APP_URL", "PORT", "NODE_ENV", "NEXT_DIST_DIR"]) {
    delete env[name];
  }
  const db = databaseUrl ? { DATABASE_URL: databaseUrl } : {};
  return { ...env, ...db, DEMO: "1", DATA_DIR: dataDir, PORT: String(port), APP_URL: `http://127.0.0.1:${port}`, NEXT_TELEMETRY_DISABLED: "1" };
}

async function probe(url) {
  try {
    // Generous: on a loaded machine the first request of a fresh server may take seconds.
    const res = await fetch(url, { signal: AbortSignal.timeout(15_000) });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return 0;
  }
}

/**
 * Starts `next start` in `appDir` and waits until /api/health answers 200, then until the demo seed
 * has finished (so that its background work does not overlap a measurement). Returns the server with
 * its start-up times (ms from spawn): `readyMs` when Next printed "Ready", `appMs` when the app's
 * start-up (open and migrate the database, demo staff) logged "server ready", `healthMs` when health
 * answered 200, `demoMs` when the demo banner was printed; `cpuToHealthyMs` is the server's CPU time
 * until health answered (what start-up costs, whatever else runs on the machine).
 */
export async function startServer({ root, appDir = root, dataDir, logFile, label, nodeArgs = [], databaseUrl }) {
  // Node runs Next's CLI itself, so that `nodeArgs` (e.g. --cpu-prof for a diagnosis) reach the server.
  const next = path.join(root, "node_modules", "next", "dist", "bin", "next");
  if (!existsSync(next)) throw new Error(`${next} is missing: run npm install`);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const log = createWriteStream(logFile, { flags: "a" });
  log.write(`\n===== ${label}: next start on ${url}, DATA_DIR=${dataDir} (${new Date().toISOString()})\n`);
  const t0 = performance.now();
  const child = spawn(process.execPath, [...nodeArgs, next, "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: appDir,
    env: serverEnv(dataDir, port, databaseUrl),
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  groups.add(child.pid);
  let readyMs = null;
  let demoMs = null;
  let appMs = null;
  let exited = null;
  const tail = [];
  const onData = (chunk) => {
    const text = chunk.toString();
    log.write(text);
    tail.push(text);
    if (tail.length > 40) tail.shift();
    if (readyMs === null && /Ready in/i.test(text)) readyMs = performance.now() - t0;
    if (appMs === null && /"message":"server ready"/.test(text)) appMs = performance.now() - t0;
    if (demoMs === null && DEMO_DONE.test(tail.slice(-2).join(""))) demoMs = performance.now() - t0;
  };
  child.stdout.on("data", onData);
  child.stderr.on("data", onData);
  const exitPromise = new Promise((resolve) => {
    child.on("exit", (code, signal) => {
      exited = { code, signal };
      groups.delete(child.pid);
      resolve(exited);
    });
  });

  let healthMs = null;
  let cpuToHealthyMs = null;
  while (performance.now() - t0 < START_TIMEOUT_MS) {
    if (exited) throw new Error(`${label}: next start exited (${JSON.stringify(exited)}) before it was healthy:\n${tail.join("").slice(-3000)}`);
    if ((await probe(`${url}/api/health`)) === 200) {
      healthMs = performance.now() - t0;
      cpuToHealthyMs = groupCpuMs(child.pid);
      break;
    }
    await sleep(25);
  }
  if (healthMs === null) {
    await stopGroup(child.pid, exitPromise);
    throw new Error(`${label}: /api/health did not answer 200 within ${START_TIMEOUT_MS} ms:\n${tail.join("").slice(-3000)}`);
  }
  while (demoMs === null && !exited && performance.now() - t0 < healthMs + DEMO_TIMEOUT_MS) await sleep(50);
  if (demoMs === null) {
    await stopGroup(child.pid, exitPromise);
    throw new Error(`${label}: the demo seed did not finish within ${DEMO_TIMEOUT_MS} ms of start-up:\n${tail.join("").slice(-3000)}`);
  }

  return {
    label,
    url,
    port,
    dataDir,
    readyMs,
    healthMs,
    cpuToHealthyMs,
    demoMs,
    get appMs() {
      return appMs;
    },
    pid: child.pid,
    cpuMs: () => groupCpuMs(child.pid),
    rssBytes: () => groupRssBytes(child.pid),
    async stop() {
      await stopGroup(child.pid, exitPromise);
      log.end();
    },
  };
}

async function stopGroup(pid, exitPromise) {
  const kill = (sig) => {
    try {
      process.kill(-pid, sig);
      return true;
    } catch {
      return false;
    }
  };
  if (!kill("SIGTERM")) return;
  const done = await Promise.race([exitPromise.then(() => true), sleep(STOP_GRACE_MS).then(() => false)]);
  if (!done) kill("SIGKILL");
  // Let the whole group go (next-server may outlive the CLI by a moment).
  for (let i = 0; i < 40; i++) {
    if (!kill(0)) break;
    await sleep(50);
    if (i === 20) kill("SIGKILL");
  }
  groups.delete(pid);
}
