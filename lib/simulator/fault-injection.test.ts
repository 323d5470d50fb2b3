import { describe, expect, it } from "vitest";
import { faultForCall, type FaultRates } from "./fault-injection";

const run = (rates: FaultRates, calls: number) => Array.from({ length: calls }, (_, i) => faultForCall(i + 1, rates));
const longestFailureRun = (faults: string[]) =>
  faults.reduce<[number, number]>(([best, cur], f) => (f === "none" ? [best, 0] : [Math.max(best, cur + 1), cur + 1]), [0, 0])[0];

describe("faultForCall", () => {
  it("fails nothing at 0", () => {
    expect(run({ errorRate5xx: 0, errorRate429: 0 }, 50).every((f) => f === "none")).toBe(true);
  });

  it.each([0.1, 0.2, 0.3, 0.5, 0.6, 2 / 3])("fails exactly %s of every window of 10 calls, at most 2 in a row", (rate) => {
    const faults = run({ errorRate5xx: rate, errorRate429: 0 }, 300);
    for (let start = 0; start + 30 <= faults.length; start += 30) {
      const window = faults.slice(start, start + 30);
      expect(window.filter((f) => f !== "none").length).toBe(Math.round(rate * 30));
    }
    expect(longestFailureRun(faults)).toBeLessThanOrEqual(2);
  });

  it("spreads 0.3 as calls 4, 7 and 10", () => {
    const faults = run({ errorRate5xx: 0, errorRate429: 0.3 }, 10);
    expect(faults.map((f, i) => (f === "none" ? null : i + 1)).filter((n) => n !== null)).toEqual([4, 7, 10]);
    expect(faults.filter((f) => f === "429").length).toBe(3);
  });

  it("splits failures between 429 and 5xx by their shares", () => {
    const faults = run({ errorRate5xx: 0.2, errorRate429: 0.2 }, 100);
    expect(faults.filter((f) => f === "429").length).toBe(20);
    expect(faults.filter((f) => f === "5xx").length).toBe(20);
  });

  it("fails everything at 1", () => {
    expect(run({ errorRate5xx: 1, errorRate429: 0 }, 5)).toEqual(["5xx", "5xx", "5xx", "5xx", "5xx"]);
  });
});
