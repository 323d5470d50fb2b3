import type { Db } from "@/lib/db/client";
import { log } from "@/lib/log";
import type { MailConfig } from "./mail-config";
import { sendDueEmails } from "./send-due-emails";
import { smtpDeliver } from "./smtp-deliver";

type Holder = { timer?: ReturnType<typeof setInterval>; busy?: boolean };
const holder = globalThis as typeof globalThis & { __pushSetupMailSender?: Holder };

/**
 * Delivers the outbox over SMTP every few seconds (once per process; every instance may run it, the
 * claims keep each message to one sender). Without SMTP there is nothing to deliver: messages are
 * marked sent when queued.
 */
export function startMailSender(getDb: () => Promise<Db>, config: MailConfig, intervalMs = 5_000) {
  const { smtpUrl } = config;
  if (!smtpUrl) return;
  const h = (holder.__pushSetupMailSender ??= {});
  if (h.timer) return;
  const deliver = smtpDeliver({ ...config, smtpUrl });
  h.timer = setInterval(async () => {
    if (h.busy) return;
    h.busy = true;
    try {
      const { failed } = await sendDueEmails(await getDb(), { deliver });
      if (failed) log.warn("some emails could not be sent; they will be retried", { failed });
    } catch (err) {
      log.warn("mail sender pass failed", { error: err });
    } finally {
      h.busy = false;
    }
  }, intervalMs);
  h.timer.unref?.();
}
