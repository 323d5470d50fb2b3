import type { CodatClient } from "@/lib/codat/client";
import { pruneFailedInboxWebhooks } from "@/lib/db/queries/codat-webhook-inbox";
import { log } from "@/lib/log";
import type { ScheduledJob } from "@/lib/scheduler/scheduler";
import { drainCodatWebhookInboxIfIdle } from "./drain-codat-webhook-inbox";

const EVERY_MS = 3_000;
/** A pass stops draining after this; what is left waits for the next pass or the next webhook's kick. */
const BUDGET_MS = 20_000;
/** Webhooks parked as failed are kept this long for support, then deleted. */
const FAILED_INBOX_KEPT_DAYS = 30;

/**
 * The inbox's periodic drain, run by lib/scheduler: webhooks left by a process that died mid-apply
 * (their claim expired), retries that came due, and rows queued by another instance are applied
 * even when no new webhook arrives to kick a drain. Failed rows older than 30 days are deleted.
 */
export function codatWebhookInboxJob(getCodat: () => CodatClient): ScheduledJob {
  return {
    name: "codat-webhook-inbox",
    everyMs: EVERY_MS,
    runningForMs: 2 * BUDGET_MS,
    async run(db, now) {
      const result = await drainCodatWebhookInboxIfIdle(db, getCodat(), BUDGET_MS);
      await pruneFailedInboxWebhooks(db, new Date(now.getTime() - FAILED_INBOX_KEPT_DAYS * 86_400_000));
      if (result && (result.applied || result.retried || result.failed)) log.info("Codat webhook inbox pass", result);
    },
  };
}
