import type { Db } from "@/lib/db/client";
import type { SimEnv } from "./sim-env";
import { kickWebhookDelivery } from "./webhooks/webhook-delivery";

/** What every engine call gets: the database, the environment and the time it runs at. */
export type SimContext = {
  db: Db;
  env: SimEnv;
  now: Date;
  /**
   * "background" (default): webhooks queued by a call start sending at once without being awaited.
   * "manual": they wait for the tick or `flushWebhookDeliveries` (tests use this).
   */
  webhooks?: "background" | "manual";
  /**
   * True in the running app: a write is processed by a timer the moment it falls due, not at the next
   * tick (`completeWhenDue`). Tests leave it off unless they are about it: a timer outlives a test.
   */
  dueTimers?: boolean;
};

export function afterWebhooksQueued(ctx: SimContext): void {
  if (ctx.webhooks !== "manual") kickWebhookDelivery(ctx.db, ctx.env);
}
