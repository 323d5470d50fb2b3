/**
 * What an embedded wizard tells the integrator's page (`postMessage`, read by `/embed.js`). Payloads
 * carry the company's id (a setup's id is its company's), the step and outcomes: never a secret.
 */
export const EMBED_EVENT_TYPES = ["ready", "step_viewed", "step_completed", "test_push_started", "test_push_finished", "push_enabled", "exit"] as const;
export type EmbedEventType = (typeof EMBED_EVENT_TYPES)[number];

export type EmbedEvent = {
  type: EmbedEventType;
  companyId: string;
  setupId: string;
  step?: string;
  /** test_push_finished: the push's final status (success, failed, timed_out, …). */
  outcome?: string;
  /** exit: why the wizard asked to close (`escape`, or `exit_button` from its Exit setup button). */
  reason?: string;
};

/** Tells `/embed.js` a message is ours (other scripts on the page may post too). */
export const EMBED_MESSAGE_SOURCE = "sage-push-setup";

export function embedEvent(type: EmbedEventType, companyId: string, extra: { step?: string; outcome?: string; reason?: string } = {}): EmbedEvent {
  return { type, companyId, setupId: companyId, ...extra };
}
