import type { Db } from "@/lib/db/client";
import { log } from "@/lib/log";
import { sendSetupReminders } from "./send-setup-reminders";

type Holder = { timer?: ReturnType<typeof setInterval>; busy?: boolean };
const holder = globalThis as typeof globalThis & { __pushSetupReminders?: Holder };

const DEFAULT_INTERVAL_MS = 10 * 60_000;

/** Sends due reminders every `intervalMs` (once per process; every instance may run it). */
export function startReminderJob(getDb: () => Promise<Db>, intervalMs = DEFAULT_INTERVAL_MS) {
  const h = (holder.__pushSetupReminders ??= {});
  if (h.timer) return;
  h.timer = setInterval(async () => {
    if (h.busy) return;
    h.busy = true;
    try {
      const { sent } = await sendSetupReminders(await getDb());
      if (sent) log.info("setup reminders sent", { sent });
    } catch (err) {
      log.warn("reminder pass failed", { error: err });
    } finally {
      h.busy = false;
    }
  }, intervalMs);
  h.timer.unref?.();
}
