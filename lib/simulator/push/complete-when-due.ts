import { log } from "@/lib/log";
import { getSimConfig } from "../config";
import type { SimContext } from "../context";
import { processPendingPushes } from "./process-pushes";

/** A timer may fire a millisecond early; the push must be due when it runs. */
const MARGIN_MS = 5;
/** Further off than this, the tick (every 500 ms) is soon enough: no timer is kept that long. */
const LONGEST_WAIT_MS = 60_000;

/**
 * Runs the connector for a company's pending writes the moment a new one falls due (the request time
 * plus the processing delay), instead of at the next tick: the verdict and its webhook leave on time.
 * Only in the running app (`dueTimers`), where webhooks are sent in the background. Another
 * instance's tick may take the write first: every change claims its row, so nothing is done twice,
 * and a timer lost with its process leaves the write to the tick.
 */
export async function completeWhenDue(ctx: SimContext, companyId: string, requestedOn: Date): Promise<void> {
  if (!ctx.dueTimers || ctx.webhooks === "manual") return;
  const { processingDelayMs } = await getSimConfig(ctx.db);
  const waitMs = requestedOn.getTime() + processingDelayMs - Date.now();
  if (waitMs > LONGEST_WAIT_MS) return;
  const timer = setTimeout(() => {
    processPendingPushes({ ...ctx, now: new Date() }, { companyId }).catch((error: unknown) =>
      log.warn("simulator push completion failed", { companyId, error }),
    );
  }, Math.max(0, waitMs) + MARGIN_MS);
  timer.unref();
}
