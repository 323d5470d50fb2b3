import type { PushReadiness } from "./readiness";

/**
 * A setup's state in one word for the integrator's backend (`/api/v1/setups`): still being set up,
 * everything done but push not yet turned on, or pushing.
 */
export const API_SETUP_STATUSES = ["in_progress", "ready_to_enable", "push_enabled"] as const;
export type ApiSetupStatus = (typeof API_SETUP_STATUSES)[number];

export function apiSetupStatus(readiness: PushReadiness): ApiSetupStatus {
  if (readiness.enabled) return "push_enabled";
  return readiness.reasons.every((r) => r.code === "push_not_enabled") ? "ready_to_enable" : "in_progress";
}
