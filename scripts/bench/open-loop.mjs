// An open-loop load generator: requests leave at a constant arrival rate, whatever the server's
// answers, and each latency is measured from when its request was due (not when a free connection
// let it go), so a server that falls behind shows it in the percentiles instead of slowing the load.
import { Buffer } from "node:buffer";
import http from "node:http";
import { percentile, performance, sleep } from "./util.mjs";

const REQUEST_TIMEOUT_MS = 10_000;

/**
 * How many of `total` requests at `rate` a second are due `elapsedMs` after the first (which is due at 0).
 * @public (also read by webhook-load.test.ts, through an import knip cannot follow)
 */
export function dueCount(elapsedMs, rate, total) {
  if (elapsedMs < 0) return 0;
  return Math.min(total, Math.floor((elapsedMs * rate) / 1000) + 1);
}

/**
 * When request `n` (from 0) is due, in ms after the first.
 * @public (also read by webhook-load.test.ts)
 */
export const dueAtMs = (n, rate) => (n * 1000) / rate;

/**
 * Sends `total` POSTs at `rate` a second, request n to `targets[n % targets.length]` (round robin),
 * at most `maxInFlight` open at once (more wait for a socket, their wait counted in their latency).
 * `requestFor(n)` gives `{ path, headers, body }` just before request n leaves. Returns the achieved
 * rate (2xx answers a second over the whole window), latency percentiles (ms, from due to answered),
 * errors (`unanswered`: which requests got no 2xx), and the 2xx answers' bodies tallied by `tally(body)`.
 */
export async function runOpenLoop({ targets, rate, total, requestFor, maxInFlight = 256, tally = () => "ok" }) {
  for (const base of targets) if (!base.startsWith("http://127.0.0.1:")) throw new Error(`refusing to load anything but 127.0.0.1: ${base}`);
  const agents = targets.map(() => new http.Agent({ keepAlive: true, maxSockets: Math.max(1, Math.floor(maxInFlight / targets.length)) }));
  const latencies = [];
  const statuses = {};
  const tallies = {};
  const errors = [];
  const unanswered = [];
  const pending = [];
  let lastDone = 0;
  const t0 = performance.now();
  let next = 0;
  while (next < total) {
    const due = dueCount(performance.now() - t0, rate, total);
    while (next < due) {
      const n = next++;
      const dueAt = t0 + dueAtMs(n, rate);
      const target = n % targets.length;
      pending.push(
        post(targets[target], agents[target], requestFor(n)).then(
          ({ status, body }) => {
            lastDone = performance.now();
            latencies.push(lastDone - dueAt);
            statuses[status] = (statuses[status] ?? 0) + 1;
            if (status >= 200 && status < 300) {
              const key = tally(body);
              tallies[key] = (tallies[key] ?? 0) + 1;
            } else {
              unanswered.push(n);
              if (errors.length < 5) errors.push(`${status}: ${body.slice(0, 200)}`);
            }
          },
          (err) => {
            lastDone = performance.now();
            unanswered.push(n);
            statuses.error = (statuses.error ?? 0) + 1;
            if (errors.length < 5) errors.push(String(err?.message ?? err));
          },
        ),
      );
    }
    await sleep(Math.max(0, Math.min(5, t0 + dueAtMs(next, rate) - performance.now())));
  }
  const sendWindowMs = performance.now() - t0;
  await Promise.all(pending);
  agents.forEach((a) => a.destroy());
  const ok = Object.entries(statuses).reduce((n, [status, count]) => n + (/^2\d\d$/.test(status) ? count : 0), 0);
  const windowMs = Math.max(lastDone - t0, dueAtMs(total - 1, rate), 1);
  return {
    targets: targets.length,
    rate,
    sent: total,
    ok,
    failed: total - ok,
    statuses,
    tallies,
    errors,
    /** The requests (n) not answered 2xx. */
    unanswered,
    achievedRate: (ok * 1000) / windowMs,
    /** How late the generator itself was: the send loop's window against the plan's. */
    sendLagMs: sendWindowMs - dueAtMs(total - 1, rate),
    latency: {
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
      max: latencies.length ? Math.max(...latencies) : Number.NaN,
    },
  };
}

/** One POST, given up `REQUEST_TIMEOUT_MS` after it was made, however long it waited for a socket. */
function post(base, agent, { path, headers, body }) {
  return new Promise((resolve, reject) => {
    const req = http.request(new URL(path, base), {
      method: "POST",
      agent,
      headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), ...headers },
    });
    const timer = setTimeout(() => req.destroy(new Error(`no answer within ${REQUEST_TIMEOUT_MS} ms`)), REQUEST_TIMEOUT_MS);
    const fail = (err) => {
      clearTimeout(timer);
      reject(err);
    };
    req.on("response", (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => (text += chunk));
      res.on("end", () => {
        clearTimeout(timer);
        resolve({ status: res.statusCode ?? 0, body: text });
      });
      res.on("error", fail);
    });
    req.on("error", fail);
    req.end(body);
  });
}
