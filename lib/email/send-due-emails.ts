import type { Db } from "@/lib/db/client";
import { claimDueOutboxMessages, markOutboxFailed, markOutboxSent, type OutboxRow } from "@/lib/db/queries/outbox";

/** Hands one message to the mail server; throws when it was not accepted. */
export type Deliver = (message: OutboxRow) => Promise<void>;

const LEASE_MS = 2 * 60_000;
const FIRST_RETRY_MS = 30_000;
const LONGEST_RETRY_MS = 60 * 60_000;

/** What stays of a delivered message's body: each of its secrets replaced by a marker. */
function withoutSecrets(body: string, secrets: readonly string[]): string {
  return secrets.reduce((text, secret) => text.split(secret).join("[removed once sent]"), body);
}

/** The wait before the next try after `attempts` failed ones: 30 s, doubling, at most an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), LONGEST_RETRY_MS);
}

/**
 * One pass of the mail sender: claims the due messages (safe with other instances), delivers each,
 * marks it sent, or records the error and when to try again.
 */
export async function sendDueEmails(
  db: Db,
  opts: { deliver: Deliver; now?: () => Date; limit?: number },
): Promise<{ sent: number; failed: number }> {
  const now = opts.now ?? (() => new Date());
  const claimed = await claimDueOutboxMessages(db, { now: now(), limit: opts.limit ?? 20, leaseMs: LEASE_MS });
  let sent = 0;
  let failed = 0;
  for (const message of claimed) {
    try {
      await opts.deliver(message);
      await markOutboxSent(db, message.id, {
        sentAt: now(),
        text: withoutSecrets(message.text, message.secrets),
        html: message.html === null ? null : withoutSecrets(message.html, message.secrets),
      });
      sent++;
    } catch (err) {
      const error = (err instanceof Error ? err.message : String(err)).slice(0, 500);
      await markOutboxFailed(db, message.id, { error, nextAttemptAt: new Date(now().getTime() + retryDelayMs(message.attempts)) });
      failed++;
    }
  }
  return { sent, failed };
}
