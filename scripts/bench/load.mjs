// Measurements 2 and 3: the status route under load (autocannon), and how many Codat calls a crowd
// of pollers of one pending test push causes.
import autocannon from "autocannon";
import { PUSH_POLL_OPERATION, latestTestPush, resetSimStats, simStats } from "./scenario.mjs";
import { performance } from "./util.mjs";

/**
 * One autocannon run against 127.0.0.1; figures count only 2xx answers. With `server`, also the
 * server's CPU time per answered request (robust to other load on the machine).
 */
export async function hammer({ url, connections, durationS, headers = {}, label, server }) {
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

/** A short run first (JIT, caches, connection pools), then the measured one. */
export async function measureRoute({ url, headers, connections = 20, durationS = 10, warmUpS = 2, label, server }) {
  await hammer({ url, headers, connections, durationS: warmUpS, label: `${label} (warm-up)` });
  return hammer({ url, headers, connections, durationS, label, server });
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
