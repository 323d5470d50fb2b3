import type { Db } from "@/lib/db/client";
import { log } from "@/lib/log";
import { notifyOpenAlerts } from "./notify-alerts";
import { recheckPendingWrites } from "./recheck-pending-writes";
import { sendSupportDigest } from "./send-support-digest";

type Holder = { timer?: ReturnType<typeof setInterval>; busy?: boolean };
const holder = globalThis as typeof globalThis & { __pushSetupHealthJob?: Holder };

const DEFAULT_INTERVAL_MS = 60_000;

/** One pass: pending writes re-checked, open alerts emailed, the support digest if due. Each part is safe in every instance. */
async function runPushHealthPass(db: Db, now = new Date()) {
  const rechecked = await recheckPendingWrites(db, now);
  const { notified } = await notifyOpenAlerts(db, { now });
  const digest = await sendSupportDigest(db, { now });
  return { rechecked, notified, digest: digest.sent };
}

/** Runs `runPushHealthPass` every `intervalMs` (once per process; every instance may run it). */
export function startPushHealthJob(getDb: () => Promise<Db>, intervalMs = DEFAULT_INTERVAL_MS) {
  const h = (holder.__pushSetupHealthJob ??= {});
  if (h.timer) return;
  h.timer = setInterval(async () => {
    if (h.busy) return;
    h.busy = true;
    try {
      const result = await runPushHealthPass(await getDb());
      if (result.rechecked || result.notified || result.digest) log.info("push health pass", result);
    } catch (err) {
      log.warn("push health pass failed", { error: err });
    } finally {
      h.busy = false;
    }
  }, intervalMs);
  h.timer.unref?.();
}
