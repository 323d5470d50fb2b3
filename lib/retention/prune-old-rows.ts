import type { Db } from "@/lib/db/client";
import { pruneHandledWebhooks } from "@/lib/db/queries/events";
import { pruneSentOutboxMessages } from "@/lib/db/queries/outbox";
import { pruneRateLimitWindows } from "@/lib/db/queries/rate-limits";
import { pruneOldWebhookDeliveries } from "@/lib/outgoing-webhooks/deliver-webhooks";
import { HANDLED_WEBHOOK_KEEP_DAYS, RATE_LIMIT_WINDOW_KEEP_DAYS, SENT_EMAIL_KEEP_DAYS } from "@/lib/sage/retention";

const DAY_MS = 86_400_000;
const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS);

/**
 * Deletes what has aged out at `now`: emails sent more than SENT_EMAIL_KEEP_DAYS ago, outgoing webhook
 * deliveries finished (received or given up) more than WEBHOOK_DELIVERY_KEEP_DAYS ago with their tries,
 * old abuse-limit counters and Codat webhook ids handled more than HANDLED_WEBHOOK_KEEP_DAYS ago. Each delete is one statement; unsent emails and deliveries still
 * waiting or retrying are never deleted. How many rows of each went.
 */
export async function pruneOldRows(db: Db, now: Date) {
  return {
    sentEmails: await pruneSentOutboxMessages(db, daysBefore(now, SENT_EMAIL_KEEP_DAYS)),
    webhookDeliveries: await pruneOldWebhookDeliveries(db, now),
    rateLimitWindows: await pruneRateLimitWindows(db, daysBefore(now, RATE_LIMIT_WINDOW_KEEP_DAYS)),
    handledWebhooks: await pruneHandledWebhooks(db, daysBefore(now, HANDLED_WEBHOOK_KEEP_DAYS)),
  };
}
