// Measurements 2 and 3: the status route under load (autocannon), and how many Codat calls a crowd
// of pollers of one pending test push causes.
import autocannon from "autocannon";
import { PUSH_POLL_OPERATION, latestTestPush, resetSimStats, simStats } from "./scenario.mjs";
import { median, performance } from "./util.mjs";

/**
 * One autocannon run against 127.0.0.1; figures count only 2xx answers. With `server`, also the
 * server's CPU time per answered request (robust to other load on the machine).
 */
async function hammer({ url, connections, durationS, headers = {}, label, server }) {
  if (!url.startsWith("http://127.0.0.1:")) throw new Error(`refusing to load anything but 127.0.0.1: ${url}`);
  const cpuBefore = server?.cpuMs() ?? null;
  const result = await autocannon({ url, connections, duration: durationS, headers, timeout: 10, title: label });
  const cpuAfter = server?.cpuMs() ?? null;
  const seconds = result.duration || durationS;
  const answered = result["2xx"] + result.non2xx;
  return {
    serverCpuMsPerRequest: cpuBefore !== null && cpuAfter !== null && answered > 0 ? (cpuAfter - cpuBefore) / answered : null,
    label,
    connections,
    durationS: seconds,
    requests: result.requests.sent,
    ok: result["2xx"],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    rps: result["2xx"] / seconds,
    latency: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max, mean: result.latency.mean },
  };
}

/**
 * Measurement 2: a route against its baseline, in alternating rounds (baseline, route, baseline,
 * route…) after a warm-up of each, so that a change in the machine's load hits both alike. Each
 * side is summarised by the median of its rounds; `rounds` keeps every figure.
 */
export async function measureAgainstBaseline({ baseline, route, connections = 20, rounds = 3, roundS = 5, warmUpS = 2, server }) {
  for (const side of [baseline, route]) {
    await hammer({ ...side, connections, durationS: warmUpS, label: `${side.label} (warm-up)` });
  }
  const runs = { baseline: [], route: [] };
  for (let i = 0; i < rounds; i++) {
    runs.baseline.push(await hammer({ ...baseline, connections, durationS: roundS, label: `${baseline.label} #${i + 1}`, server }));
    runs.route.push(await hammer({ ...route, connections, durationS: roundS, label: `${route.label} #${i + 1}`, server }));
  }
  return { baseline: summarise(runs.baseline), route: summarise(runs.route), ratios: runs.route.map((r, i) => r.rps / runs.baseline[i].rps) };
}

function summarise(runs) {
  const mid = (pick) => median(runs.map(pick).filter((v) => v !== null));
  return {
    label: runs[0].label.replace(/ #\d+$/, ""),
    connections: runs[0].connections,
    durationS: runs.reduce((n, r) => n + r.durationS, 0),
    requests: runs.reduce((n, r) => n + r.requests, 0),
    ok: runs.reduce((n, r) => n + r.ok, 0),
    non2xx: runs.reduce((n, r) => n + r.non2xx, 0),
    errors: runs.reduce((n, r) => n + r.errors, 0),
    timeouts: runs.reduce((n, r) => n + r.timeouts, 0),
    rps: mid((r) => r.rps),
    serverCpuMsPerRequest: runs.some((r) => r.serverCpuMsPerRequest === null) ? null : mid((r) => r.serverCpuMsPerRequest),
    latency: { p50: mid((r) => r.latency.p50), p90: mid((r) => r.latency.p90), p99: mid((r) => r.latency.p99), max: Math.max(...runs.map((r) => r.latency.max)) },
    rounds: runs,
  };
}

/**
 * Measurement 3: `pollers` connections poll the latest test push back to back for `durationS`
 * while it stays pending; the simulator counts the Codat calls the app makes for it meanwhile.
 */
export async function measureUpstreamCalls({ base, company, pollers = 50, durationS = 30, server }) {
  await resetSimStats(base);
  const started = performance.now();
  const load = await hammer({
    url: `${base}/api/companies/${company.id}/test-pushes`,
    headers: { cookie: company.clientJar.header() },
    connections: pollers,
    durationS,
    label: `status route, ${pollers} pollers`,
    server,
  });
  const windowS = (performance.now() - started) / 1000;
  const ops = await simStats(base);
  const after = await latestTestPush(base, company.clientJar, company.id);
  return {
    pollers,
    windowS,
    polls: load.ok,
    load,
    codatCalls: ops[PUSH_POLL_OPERATION] ?? 0,
    allOperations: ops,
    statusAfter: after?.status ?? null,
  };
}
