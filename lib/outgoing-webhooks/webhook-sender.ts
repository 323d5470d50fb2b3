import type { Db } from "@/lib/db/client";
import { log } from "@/lib/log";
import { deliverDueWebhooks, pruneOldWebhookDeliveries } from "./deliver-webhooks";

type Holder = { timer?: ReturnType<typeof setInterval>; busy?: boolean; prunedAt?: number };

const PRUNE_EVERY_MS = 60 * 60_000;
const holder = globalThis as typeof globalThis & { __pushSetupWebhookSender?: Holder };

/**
 * Delivers the signed webhooks every two seconds (once per process; every instance may run it, the
 * claims keep each delivery to one sender at a time), and once an hour prunes finished deliveries.
 */
export function startWebhookSender(getDb: () => Promise<Db>, intervalMs = 2_000) {
  const h = (holder.__pushSetupWebhookSender ??= {});
  if (h.timer) return;
  h.timer = setInterval(async () => {
    if (h.busy) return;
    h.busy = true;
    try {
      const db = await getDb();
      const { failed } = await deliverDueWebhooks(db);
      if (failed) log.warn("some webhooks could not be delivered; they will be retried", { failed });
      if (Date.now() - (h.prunedAt ?? 0) >= PRUNE_EVERY_MS) {
        h.prunedAt = Date.now();
        await pruneOldWebhookDeliveries(db);
      }
    } catch (err) {
      log.warn("webhook sender pass failed", { error: err });
    } finally {
      h.busy = false;
    }
  }, intervalMs);
  h.timer.unref?.();
}
