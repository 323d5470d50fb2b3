import { getEnv } from "@/lib/env";

/** How mail leaves: over SMTP when `smtpUrl` is set, otherwise it is only kept in the outbox. */
export type MailConfig = { smtpUrl?: string; from: string };

export function getMailConfig(): MailConfig {
  const env = getEnv();
  return { smtpUrl: env.SMTP_URL, from: env.EMAIL_FROM };
}
