import { describe, expect, it } from "vitest";
import { shouldDisableEndpoint, WEBHOOK_RETRY_DELAYS_MS, webhookRetryDelayMs } from "./webhook-events";

describe("webhook retries", () => {
  it("retries seven times over about 24 hours, each wait longer than the last, then gives up", () => {
    const waits = [1, 2, 3, 4, 5, 6, 7].map(webhookRetryDelayMs);
    expect(waits).toEqual([...WEBHOOK_RETRY_DELAYS_MS]);
    for (let i = 1; i < waits.length; i++) expect(waits[i]!).toBeGreaterThanOrEqual(waits[i - 1]!);
    const total = WEBHOOK_RETRY_DELAYS_MS.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(23 * 3_600_000);
    expect(total).toBeLessThanOrEqual(24 * 3_600_000);
    expect(webhookRetryDelayMs(8)).toBeNull();
  });

  it("disables an endpoint only after five full days of failures", () => {
    const since = new Date("2030-01-01T00:00:00Z");
    expect(shouldDisableEndpoint(null, new Date("2030-02-01T00:00:00Z"))).toBe(false);
    expect(shouldDisableEndpoint(since, new Date("2030-01-05T23:59:59Z"))).toBe(false);
    expect(shouldDisableEndpoint(since, new Date("2030-01-06T00:00:00Z"))).toBe(true);
  });
});
