/**
 * What an API key of the integrator's backend may do on `/api/v1`: `read` answers questions (setups,
 * push readiness), `write` creates setups and renews their links. Chosen when an admin creates the key;
 * keys made before scopes existed have `read` only.
 */
export const API_KEY_SCOPES = ["read", "write"] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];
