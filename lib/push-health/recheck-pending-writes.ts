import type { Db } from "@/lib/db/client";
import { listCompaniesWithStalePending } from "@/lib/db/queries/push-writes";
import { PUSH_HEALTH_RULES } from "@/lib/sage/push-health";
import { evaluatePushHealth } from "./evaluate-push-health";

/**
 * Health is recomputed on every write and connection change; a write that stays pending changes
 * neither, so this pass (for the scheduler, about once a minute, safe in every instance) re-evaluates
 * companies whose oldest pending write has waited longer than `PUSH_HEALTH_RULES.pendingTooLongMs`
 * and whose stored health does not show it yet. Returns how many were re-evaluated.
 */
export async function recheckPendingWrites(db: Db, now = new Date()): Promise<number> {
  const ids = await listCompaniesWithStalePending(db, new Date(now.getTime() - PUSH_HEALTH_RULES.pendingTooLongMs));
  for (const id of ids) await db.transaction((tx) => evaluatePushHealth(tx, id, now));
  return ids.length;
}
