import type { ConnectionStatus, TestPushStatus } from "./types";

/** Words and badge tones for statuses, shared by the timeline's sentences and the console's badges. */
export type StatusTone = "neutral" | "success" | "warning" | "error" | "info";

const CONNECTION: Record<ConnectionStatus, { label: string; tone: StatusTone }> = {
  PendingAuth: { label: "Waiting for connector", tone: "warning" },
  Linked: { label: "Linked", tone: "success" },
  Unlinked: { label: "Unlinked", tone: "error" },
  Deauthorized: { label: "Connector uninstalled", tone: "error" },
};

export function connectionStatusBadge(status: string | null): { label: string; tone: StatusTone } {
  if (status === null) return { label: "No connection", tone: "neutral" };
  return CONNECTION[status as ConnectionStatus] ?? { label: status, tone: "neutral" };
}

export function connectionStatusLabel(status: string | null): string {
  return connectionStatusBadge(status).label;
}

const TEST_PUSH: Record<TestPushStatus, { label: string; tone: StatusTone }> = {
  starting: { label: "Starting", tone: "info" },
  pending: { label: "Waiting for connector", tone: "info" },
  success: { label: "Succeeded", tone: "success" },
  failed: { label: "Failed", tone: "error" },
  timed_out: { label: "Timed out", tone: "error" },
  error: { label: "Could not reach Codat", tone: "error" },
};

export function testPushStatusBadge(status: TestPushStatus | null): { label: string; tone: StatusTone } {
  return status === null ? { label: "Never run", tone: "neutral" } : TEST_PUSH[status];
}

export function flowLabel(flow: "new" | "upgrade"): string {
  return flow === "upgrade" ? "Upgrade" : "New";
}
