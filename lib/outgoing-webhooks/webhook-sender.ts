import type { Db } from "@/lib/db/client";
import { log } from "@/lib/log";
import { deliverDueWebhooks } from "./deliver-webhooks";

type Holder = { timer?: ReturnType<typeof setInterval>; busy?: boolean };

const holder = globalThis as typeof globalThis & { __pushSetupWebhookSender?: Holder };

/**
 * Delivers the signed webhooks every two seconds (once per process; every instance may run it, the
 * claims keep each delivery to one sender at a time). Finished deliveries are pruned by the retention
 * job (lib/retention, on the scheduler).
 */
export function startWebhookSender(getDb: () => Promise<Db>, intervalMs = 2_000) {
  const h = (holder.__pushSetupWebhookSender ??= {});
  if (h.timer) return;
  h.timer = setInterval(async () => {
    if (h.busy) return;
    h.busy = true;
    try {
      const { failed } = await deliverDueWebhooks(await getDb());
      if (failed) log.warn("some webhooks could not be delivered; they will be retried", { failed });
    } catch (err) {
      log.warn("webhook sender pass failed", { error: err });
    } finally {
      h.busy = false;
    }
  }, intervalMs);
  h.timer.unref?.();
}
