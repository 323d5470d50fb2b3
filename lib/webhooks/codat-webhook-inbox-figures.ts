import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { countInbox, listFailedInboxWebhooks } from "@/lib/db/queries/codat-webhook-inbox";

/** `GET /api/ops/codat-webhooks`: how many of the newest failed webhooks to list with their errors. */
export const codatWebhookInboxQuerySchema = z.strictObject({
  failures: z.coerce.number().int("Use a whole number.").min(0, "Ask for 0 or more.").max(50, "Ask for at most 50.").default(10),
});

export type CodatWebhookInboxFigures = {
  /** Acknowledged to Codat, not applied yet (including those waiting for a retry). */
  waiting: number;
  /** Parked after their last attempt: not applied, kept with their error for 30 days. */
  failed: number;
  /** Seconds since the oldest waiting webhook was received (null when none waits). */
  oldestWaitingAgeS: number | null;
  failures: { id: string; eventType: string; attempts: number; lastError: string | null; receivedAt: string; failedAt: string | null }[];
};

/** The inbox as support and admin see it: what waits, how old the oldest is, what failed and why. */
export async function loadCodatWebhookInboxFigures(db: Db, opts: { now: Date; failures: number }): Promise<CodatWebhookInboxFigures> {
  const counts = await countInbox(db);
  const failed = opts.failures > 0 && counts.failed > 0 ? await listFailedInboxWebhooks(db, opts.failures) : [];
  return {
    waiting: counts.waiting,
    failed: counts.failed,
    oldestWaitingAgeS: counts.oldestWaitingAt ? Math.max(0, Math.round((opts.now.getTime() - counts.oldestWaitingAt.getTime()) / 1000)) : null,
    failures: failed.map((r) => ({
      id: r.id,
      eventType: r.eventType,
      attempts: r.attempts,
      lastError: r.lastError,
      receivedAt: r.receivedAt.toISOString(),
      failedAt: r.failedAt?.toISOString() ?? null,
    })),
  };
}
