import { describe, expect, it } from "vitest";
import { FAILING_TEST_PUSH_STATUSES, RUNNING_TEST_PUSH_STATUSES, isTestPushRunning } from "./test-push-status";
import { TEST_PUSH_STATUSES, type TestPushStatus } from "./types";

const CASES: [TestPushStatus | null, boolean][] = [
  ["starting", true],
  ["pending", true],
  ["success", false],
  ["failed", false],
  ["timed_out", false],
  ["error", false],
  [null, false],
];

describe("isTestPushRunning", () => {
  it.each(CASES)("%s → %s", (status, running) => {
    expect(isTestPushRunning(status)).toBe(running);
  });

  it("the table above names every status, and no status is both running and failing", () => {
    expect(CASES.flatMap(([s]) => (s ? [s] : [])).sort()).toEqual([...TEST_PUSH_STATUSES].sort());
    expect(RUNNING_TEST_PUSH_STATUSES.filter((s) => (FAILING_TEST_PUSH_STATUSES as readonly string[]).includes(s))).toEqual([]);
  });
});
