/**
 * What an email is for: the outbox's `kind` column, its check constraint and the outbox filter all
 * derive from this list.
 */
export const EMAIL_KINDS = ["setup_link", "reminder", "alert", "support_digest", "webhook_disabled"] as const;
export type EmailKind = (typeof EMAIL_KINDS)[number];
