import { Badge } from "@/components/ui/badge";
import type { SetupStatusFlags } from "@/lib/sage/support-status";
import type { ConnectionStatus, TestPushStatus } from "@/lib/sage/types";
import { connectionStatusBadge, pushHealthBadge, testPushStatusBadge } from "@/lib/sage/status-labels";
import type { PushHealthState } from "@/lib/sage/push-health";

export function ConnectionBadge({ status }: { status: ConnectionStatus | null }) {
  const { label, tone } = connectionStatusBadge(status);
  return <Badge tone={tone}>{label}</Badge>;
}

export function TestPushBadge({ status }: { status: TestPushStatus | null }) {
  const { label, tone } = testPushStatusBadge(status);
  return <Badge tone={tone}>{label}</Badge>;
}

export function PushHealthBadge({ state }: { state: PushHealthState }) {
  const { label, tone } = pushHealthBadge(state);
  return <Badge tone={tone}>{label}</Badge>;
}

export function PushBadge({ enabled }: { enabled: boolean }) {
  return enabled ? <Badge tone="success">Push on</Badge> : <Badge tone="neutral">Push off</Badge>;
}

/** The list's three flags as badges; nothing when all is well. */
export function FlagBadges({ flags }: { flags: SetupStatusFlags }) {
  if (!flags.stuck && !flags.failing && !flags.waitingOnConnector) return null;
  return (
    <span className="flex flex-wrap gap-1">
      {flags.failing ? <Badge tone="error">Failing</Badge> : null}
      {flags.stuck ? <Badge tone="warning">Stuck</Badge> : null}
      {flags.waitingOnConnector ? <Badge tone="info">Waiting on connector</Badge> : null}
    </span>
  );
}
