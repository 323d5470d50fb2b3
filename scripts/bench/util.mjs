// Small helpers shared by the bench: timing, percentiles, formatting, how much CPU the bench gets.
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";

export { performance, sleep };

/** The p-th percentile (0–100) of a list of numbers, nearest-rank; NaN for an empty list. */
export function percentile(values, p) {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1];
}

export const median = (values) => percentile(values, 50);

export function round(n, digits = 1) {
  if (!Number.isFinite(n)) return n;
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** A unit formatter for the table. */
export const fmt = {
  kb: (bytes) => `${(bytes / 1024).toFixed(1)} KB`,
  ms: (ms) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 100 ? `${Math.round(ms)} ms` : `${ms.toFixed(1)} ms`),
  s: (ms) => `${(ms / 1000).toFixed(2)} s`,
  rps: (n) => `${Math.round(n)} req/s`,
};

/**
 * How much of one core this process gets: spins for `ms` and compares CPU time with wall time.
 * About 1.0 on an idle machine; well below when other processes keep the cores busy (then every
 * timing in the run is inflated, ratios less so).
 */
export function cpuShare(ms = 300) {
  const start = performance.now();
  const before = process.cpuUsage();
  let x = 0;
  while (performance.now() - start < ms) x += Math.sqrt(x + 1);
  const used = process.cpuUsage(before);
  return x > 0 ? (used.user + used.system) / 1000 / (performance.now() - start) : 0;
}
