/**
 * Deterministic fault injection for the Codat-compatible API. With a failure share r, call n fails
 * when floor(n·r) steps up, so exactly r of every 1/r calls fail, spread evenly: with 0.3 calls 4, 7
 * and 10 of each ten fail, and never more than two in a row while r ≤ 2/3. Among failures the same
 * rule picks which are 429s. No randomness, so retry tests are not flaky.
 */

export type FaultRates = { errorRate5xx: number; errorRate429: number };
export type Fault = "none" | "429" | "5xx";

const EPS = 1e-9;

const steps = (k: number, rate: number) => Math.floor(k * rate + EPS);

function clampShare(value: number): number {
  return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
}

/** The fault for the n-th call (1-based) since the rates were last set. */
export function faultForCall(n: number, rates: FaultRates): Fault {
  const r429 = clampShare(rates.errorRate429);
  const total = clampShare(r429 + clampShare(rates.errorRate5xx));
  if (total === 0 || n < 1) return "none";
  if (steps(n, total) === steps(n - 1, total)) return "none";
  const failureIndex = steps(n, total);
  const share429 = Math.min(1, r429 / total);
  return steps(failureIndex, share429) > steps(failureIndex - 1, share429) ? "429" : "5xx";
}
