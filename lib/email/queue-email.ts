import type { Db } from "@/lib/db/client";
import { insertOutboxMessage } from "@/lib/db/queries/outbox";
import type { EmailKind } from "@/lib/sage/email-kinds";
import { getMailConfig, type MailConfig } from "./mail-config";

export type EmailMessage = {
  to: string;
  subject: string;
  text: string;
  html?: string | null;
  kind: EmailKind;
  companyId?: string | null;
  /**
   * Values in the body that must not stay in the database once the email is delivered (a setup
   * link's token and short code): blanked out of the stored copy after the SMTP server accepts it.
   */
  secrets?: string[];
};

/**
 * Queues an email: call it with the caller's transaction, so the message exists exactly when the
 * caller's change does. With SMTP the mail sender delivers it; without, it counts as sent at once and
 * stays readable in the outbox.
 */
export async function queueEmail(
  tx: Db,
  message: EmailMessage,
  opts: { config?: MailConfig; now?: Date } = {},
): Promise<{ id: string }> {
  const config = opts.config ?? getMailConfig();
  const now = opts.now ?? new Date();
  const row = await insertOutboxMessage(tx, {
    to: message.to,
    subject: message.subject,
    text: message.text,
    html: message.html ?? null,
    kind: message.kind,
    companyId: message.companyId ?? null,
    // Without SMTP the outbox is the delivery: the message is kept as sent, secrets and all.
    secrets: config.smtpUrl ? (message.secrets ?? []).filter((v) => v.length > 0) : [],
    createdAt: now,
    nextAttemptAt: now,
    sentAt: config.smtpUrl ? null : now,
  });
  return { id: row.id };
}
