import type { EmailKind } from "@/lib/sage/email-kinds";

/** What each kind of email is called in the outbox. */
export const EMAIL_KIND_WORDS: Record<EmailKind, string> = {
  setup_link: "Setup link",
  reminder: "Reminder",
  alert: "Alert",
  support_digest: "Support digest",
  webhook_disabled: "Webhook endpoint disabled",
};
