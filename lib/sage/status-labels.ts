import { CONNECTION_STATUSES, type ConnectionStatus, type SetupFlow, type TestPushStatus } from "./types";
import { PUSH_HEALTH_STATES, type PushHealthState } from "./push-health";

/**
 * Words and badge tones for the lists of lib/sage/types.ts, shared by the timeline's sentences and
 * the console's badges. Each map is a Record over the list's type, so a new status without words is a
 * type error (and status-labels.test.ts checks the maps against the lists).
 */
type StatusTone = "neutral" | "success" | "warning" | "error" | "info";
export type StatusBadge = { label: string; tone: StatusTone };

export const CONNECTION_STATUS_BADGES: Record<ConnectionStatus, StatusBadge> = {
  PendingAuth: { label: "Waiting for connector", tone: "warning" },
  Linked: { label: "Linked", tone: "success" },
  Unlinked: { label: "Unlinked", tone: "error" },
  Deauthorized: { label: "Connector uninstalled", tone: "error" },
};

/** Takes any string, since events recorded long ago may name a status we no longer know. */
export function connectionStatusBadge(status: string | null): StatusBadge {
  if (status === null) return { label: "No connection", tone: "neutral" };
  return isConnectionStatus(status) ? CONNECTION_STATUS_BADGES[status] : { label: status, tone: "neutral" };
}

export function connectionStatusLabel(status: string | null): string {
  return connectionStatusBadge(status).label;
}

export const TEST_PUSH_STATUS_BADGES: Record<TestPushStatus, StatusBadge> = {
  starting: { label: "Starting", tone: "info" },
  pending: { label: "Waiting for connector", tone: "info" },
  success: { label: "Succeeded", tone: "success" },
  failed: { label: "Failed", tone: "error" },
  timed_out: { label: "Timed out", tone: "error" },
  error: { label: "Could not reach Codat", tone: "error" },
};

export function testPushStatusBadge(status: TestPushStatus | null): StatusBadge {
  return status === null ? { label: "Never run", tone: "neutral" } : TEST_PUSH_STATUS_BADGES[status];
}

/** `label` for the list's badge; `description` where the setup is named in full. */
export const FLOW_LABELS: Record<SetupFlow, { label: string; description: string }> = {
  new: { label: "New", description: "New company" },
  upgrade: { label: "Upgrade", description: "Upgrade from pull-only" },
};

export function flowLabel(flow: SetupFlow): string {
  return FLOW_LABELS[flow].label;
}

export function flowDescription(flow: SetupFlow): string {
  return FLOW_LABELS[flow].description;
}

function isConnectionStatus(value: string): value is ConnectionStatus {
  return (CONNECTION_STATUSES as readonly string[]).includes(value);
}

export const PUSH_HEALTH_BADGES: Record<PushHealthState, StatusBadge> = {
  healthy: { label: "Healthy", tone: "success" },
  at_risk: { label: "At risk", tone: "warning" },
  failing: { label: "Failing", tone: "error" },
  disconnected: { label: "Disconnected", tone: "error" },
  unknown: { label: "No writes yet", tone: "neutral" },
};

/** Takes any string, since events recorded long ago may name a state we no longer know. */
export function pushHealthBadge(state: string | null): StatusBadge {
  const known = PUSH_HEALTH_STATES.find((s) => s === state);
  return known ? PUSH_HEALTH_BADGES[known] : { label: state ?? "Unknown", tone: "neutral" };
}
