import { log } from "@/lib/log";
import type { ScheduledJob } from "@/lib/scheduler/scheduler";
import { notifyOpenAlerts } from "./notify-alerts";
import { recheckPendingWrites } from "./recheck-pending-writes";
import { sendSupportDigest } from "./send-support-digest";

/**
 * The push-health pass every `everyMs` (`PUSH_HEALTH_INTERVAL_MS`), run by lib/scheduler (one
 * instance per run): pending writes re-checked, open alerts emailed, the support digest if due.
 */
export function pushHealthJob(everyMs: number): ScheduledJob {
  return {
    name: "push-health",
    everyMs,
    async run(db, now) {
      const rechecked = await recheckPendingWrites(db, now);
      const { notified } = await notifyOpenAlerts(db, { now });
      const digest = await sendSupportDigest(db, { now });
      if (rechecked || notified || digest.sent) log.info("push health pass", { rechecked, notified, digest: digest.sent });
    },
  };
}
