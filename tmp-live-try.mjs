import path from "node:path";
import { rmSync, mkdirSync } from "node:fs";
import { snapshotApp } from "./scripts/bench/snapshot.mjs";
import { startServer } from "./scripts/bench/server.mjs";
import { signInSupport, setSimConfig } from "./scripts/bench/scenario.mjs";
import { companiesFor, livePhase } from "./scripts/bench/live.mjs";
import { liveRows } from "./scripts/bench/rows.mjs";
import { renderTable } from "./scripts/bench/report.mjs";
import { withBenchDatabase } from "./scripts/bench/postgres.mjs";
const root = process.cwd();
const dir = "/tmp/h16-live-try";
rmSync(dir, { recursive: true, force: true }); mkdirSync(dir, { recursive: true });
const appDir = path.join(dir, "app");
snapshotApp(root, path.join(root, ".next-test"), appDir);
const mode = process.argv[2] ?? "single";
const perS = 10, durationS = 5, watchers = Number(process.argv[3] ?? 300);
if (mode === "single") {
  const server = await startServer({ root, appDir, dataDir: path.join(dir, "data"), logFile: path.join(dir, "server.log"), label: "try" });
  try {
    const base = server.url;
    const support = await signInSupport(base);
    await setSimConfig(base, { processingDelayMs: 500, minuteMs: 60_000, webhooksEnabled: true });
    const phase = async (label, count, m) => livePhase({ writeBase: base, server, companies: await companiesFor({ base, support, perS, durationS, label }), count, mode: m, perS, durationS, tag: `try-${Date.now()}-${label}` });
    const none = await phase("None", 0, "none");
    const streams = await phase("Streams", watchers, "stream");
    const polling = await phase("Polling", watchers, "poll");
    console.log(JSON.stringify({ none, streams, polling }, null, 1));
    console.log(renderTable(liveRows({ none, streams, polling })));
  } finally { await server.stop(); }
} else {
  await withBenchDatabase(`try${Date.now().toString(36)}`, async (databaseUrl) => {
    const a = await startServer({ root, appDir, dataDir: path.join(dir, "a"), logFile: path.join(dir, "server.log"), label: "A", databaseUrl });
    const b = await startServer({ root, appDir, dataDir: path.join(dir, "b"), logFile: path.join(dir, "server.log"), label: "B", databaseUrl });
    try {
      const support = await signInSupport(a.url);
      await setSimConfig(a.url, { processingDelayMs: 500, minuteMs: 60_000, webhooksEnabled: true });
      const companies = await companiesFor({ base: a.url, support, perS, durationS, label: "Two" });
      const two = await livePhase({ writeBase: a.url, watchBase: b.url, server: b, companies, count: 50, mode: "stream", perS, durationS, tag: `try-${Date.now()}` });
      console.log(JSON.stringify(two, null, 1));
      console.log(renderTable(liveRows({ twoInstances: two })));
    } finally { await b.stop(); await a.stop(); }
  });
}
