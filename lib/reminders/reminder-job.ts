import { log } from "@/lib/log";
import type { ScheduledJob } from "@/lib/scheduler/scheduler";
import { sendSetupReminders } from "./send-setup-reminders";

/** Sends due reminders every 10 minutes, run by lib/scheduler (one instance per run). */
export const reminderJob: ScheduledJob = {
  name: "setup-reminders",
  everyMs: 10 * 60_000,
  async run(db, now) {
    const { sent } = await sendSetupReminders(db, { now });
    if (sent) log.info("setup reminders sent", { sent });
  },
};
