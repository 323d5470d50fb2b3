import type { CompanyDetail } from "@/lib/support/load-company-detail";
import { Badge } from "@/components/ui/badge";
import { flowDescription } from "@/lib/sage/status-labels";
import { ConnectionBadge, FlagBadges, PushBadge } from "./status-badges";
import { When } from "./when";

/** Under the company's name: its flow, badges, contact and when it last moved. */
export function CompanyOverview({ detail, now }: { detail: CompanyDetail; now: Date }) {
  const c = detail.company;
  return (
    <span className="mt-2 flex flex-col gap-2">
      <span className="flex flex-wrap items-center gap-2">
        <Badge tone="neutral">{flowDescription(c.flow)}</Badge>
        <ConnectionBadge status={c.connectionStatus} />
        <PushBadge enabled={c.pushEnabled} />
        <FlagBadges flags={detail.flags} />
      </span>
      <span className="text-sm text-slate-700">
        {c.contactEmail ? (
          <>
            Contact <a href={`mailto:${c.contactEmail}`} className="font-medium text-brand-700 underline">{c.contactEmail}</a> ·{" "}
          </>
        ) : null}
        Last activity <When iso={c.lastActivityAt} now={now} /> · created <When iso={c.createdAt} now={now} />
      </span>
    </span>
  );
}
