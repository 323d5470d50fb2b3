import { log } from "@/lib/log";
import type { ScheduledJob } from "@/lib/scheduler/scheduler";
import { announceStalledSetups } from "./announce-stalled-setups";
import { sendSetupReminders } from "./send-setup-reminders";

/**
 * Every 10 minutes, run by lib/scheduler (one instance per run): `setup.stalled` for each new stall, then
 * the due reminders.
 */
export const reminderJob: ScheduledJob = {
  name: "setup-reminders",
  everyMs: 10 * 60_000,
  async run(db, now) {
    const { announced } = await announceStalledSetups(db, { now });
    const { sent } = await sendSetupReminders(db, { now });
    if (announced || sent) log.info("stalled setups", { announced, reminded: sent });
  },
};
