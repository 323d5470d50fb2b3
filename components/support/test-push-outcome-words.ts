import type { TestPushStatus } from "@/lib/sage/types";

/** What the console says once its "Run a test push" button has an answer, for each status. */
export const TEST_PUSH_OUTCOME_WORDS: Record<TestPushStatus, string> = {
  starting: "Test push started: waiting for the connector to collect it.",
  pending: "Test push sent: waiting for the connector to collect it. Its result appears under Test pushes and in the timeline.",
  success: "The test push succeeded.",
  failed: "The test push failed.",
  timed_out: "The test push timed out.",
  error: "The test push could not reach Codat.",
};
