import { describe, expect, it } from "vitest";
import { backoffDelayMs, isNotProcessedStatus, isRetryableStatus, parseRetryAfterMs, wasNeverSent } from "./retry";

describe("backoffDelayMs", () => {
  it("draws between 0 and the doubling ceiling (full jitter)", () => {
    expect(backoffDelayMs(1, 100, 10_000, () => 0.999)).toBe(99);
    expect(backoffDelayMs(3, 100, 10_000, () => 0.5)).toBe(200);
    expect(backoffDelayMs(3, 100, 10_000, () => 0)).toBe(0);
  });

  it("never goes past the cap", () => {
    expect(backoffDelayMs(30, 100, 1_000, () => 0.999)).toBe(999);
  });
});

describe("parseRetryAfterMs", () => {
  const now = Date.parse("2026-03-02T09:00:00Z");
  it.each([
    ["5", 5_000],
    ["0", 0],
    [" 12 ", 12_000],
    ["Mon, 02 Mar 2026 09:00:30 GMT", 30_000],
    ["Mon, 02 Mar 2026 08:59:00 GMT", 0],
  ])("reads %j", (value, ms) => {
    expect(parseRetryAfterMs(value, now)).toBe(ms);
  });

  it.each([null, undefined, "", "soon", "-3"])("ignores %j", (value) => {
    expect(parseRetryAfterMs(value, now)).toBeUndefined();
  });
});

describe("which failures are retried", () => {
  it("treats 429 and 5xx as retryable, other statuses not", () => {
    expect([429, 500, 502, 503, 504].every(isRetryableStatus)).toBe(true);
    expect([400, 401, 403, 404, 409, 422].some(isRetryableStatus)).toBe(false);
  });

  it("lets only 429 and 503 through for POSTs", () => {
    expect([429, 503].every(isNotProcessedStatus)).toBe(true);
    expect([500, 502, 504].some(isNotProcessedStatus)).toBe(false);
  });

  it("recognises a connection that was never made, also when wrapped", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
    expect(wasNeverSent(new TypeError("fetch failed", { cause: refused }))).toBe(true);
    const reset = Object.assign(new Error("socket hang up"), { code: "ECONNRESET" });
    expect(wasNeverSent(new TypeError("fetch failed", { cause: reset }))).toBe(false);
    expect(wasNeverSent("nope")).toBe(false);
  });
});
