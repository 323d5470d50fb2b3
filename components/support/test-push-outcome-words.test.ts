import { expect, it } from "vitest";
import { TEST_PUSH_STATUSES } from "@/lib/sage/types";
import { TEST_PUSH_OUTCOME_WORDS } from "./test-push-outcome-words";

it("has the console's words for each test-push status of lib/sage, and no other", () => {
  expect(Object.keys(TEST_PUSH_OUTCOME_WORDS).sort()).toEqual([...TEST_PUSH_STATUSES].sort());
  for (const words of Object.values(TEST_PUSH_OUTCOME_WORDS)) expect(words).not.toBe("");
});
