import { describe, expect, it } from "vitest";
import { isTestPushRunning } from "@/lib/sage/test-push-status";
import { TEST_PUSH_STATUSES } from "@/lib/sage/types";

/** The bench is plain JavaScript run by node and cannot import lib/sage, so it keeps a copy: checked here. */
describe("the bench's FINAL_STATUSES", () => {
  it("is every test-push status that is not running", async () => {
    const file = "./scenario.mjs";
    const { FINAL_STATUSES } = (await import(/* @vite-ignore */ file)) as { FINAL_STATUSES: Set<string> };
    expect([...FINAL_STATUSES].sort()).toEqual(TEST_PUSH_STATUSES.filter((s) => !isTestPushRunning(s)).sort());
  });
});
