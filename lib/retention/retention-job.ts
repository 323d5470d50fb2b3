import { log } from "@/lib/log";
import { RETENTION_EVERY_MS } from "@/lib/sage/retention";
import type { ScheduledJob } from "@/lib/scheduler/scheduler";
import { pruneOldRows } from "./prune-old-rows";

/** Deletes aged-out rows once an hour, run by lib/scheduler (one instance per run). */
export const retentionJob: ScheduledJob = {
  name: "retention",
  everyMs: RETENTION_EVERY_MS,
  async run(db, now) {
    const deleted = await pruneOldRows(db, now);
    if (Object.values(deleted).some((n) => n > 0)) log.info("aged-out rows deleted", deleted);
  },
};
