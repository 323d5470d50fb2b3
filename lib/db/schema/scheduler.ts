import { pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * One row per background job of lib/scheduler: when it is next due and who runs it now. A run is
 * claimed by one conditional update (due, and no claim still running), so across instances each due
 * run happens once; `running_until` lets another instance take over a run whose process died.
 */
export const scheduledJobs = pgTable("scheduled_jobs", {
  name: text("name").primaryKey(),
  nextRunAt: timestamp("next_run_at", { withTimezone: true }).notNull(),
  runningUntil: timestamp("running_until", { withTimezone: true }),
  lastStartedAt: timestamp("last_started_at", { withTimezone: true }),
  lastFinishedAt: timestamp("last_finished_at", { withTimezone: true }),
  lastError: text("last_error"),
});
