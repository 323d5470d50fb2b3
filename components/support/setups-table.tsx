import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { flowLabel } from "@/lib/sage/status-labels";
import type { SetupListItem } from "@/lib/support/list-setups";
import type { SupportListQuery, SupportSort } from "@/lib/support/support-list-schema";
import { ConnectionBadge, FlagBadges, PushBadge, PushHealthBadge, TestPushBadge } from "./status-badges";
import { SortHeader } from "./sort-header";
import { When } from "./when";

/** Every setup of the page in one table; the company name links to its support page. */
export function SetupsTable({ items, query, now }: { items: SetupListItem[]; query: SupportListQuery; now: Date }) {
  const header = (sort: SupportSort, label: string) => <SortHeader sort={sort} label={label} query={query} />;
  return (
    <div role="region" aria-labelledby="setups-caption" tabIndex={0} className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
      <table className="w-full min-w-[66rem] border-collapse text-left text-sm">
        <caption id="setups-caption" className="sr-only">
          Setups, sorted by {sortLabel(query.sort)} {query.dir === "asc" ? "ascending" : "descending"}
        </caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-700">
          <tr>
            {header("name", "Company")}
            <th scope="col" className="px-4 py-3 font-semibold">Step reached</th>
            <th scope="col" className="px-4 py-3 font-semibold">Connection</th>
            {header("test-push", "Last test push")}
            <th scope="col" className="px-4 py-3 font-semibold">Push</th>
            {header("health", "Health")}
            {header("activity", "Last activity")}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {items.map((item) => (
            <tr key={item.id} className="align-top hover:bg-slate-50">
              <th scope="row" className="px-4 py-3 font-normal">
                <Link href={`/support/companies/${item.id}`} className="font-semibold text-brand-700 underline-offset-2 hover:underline">
                  {item.name}
                </Link>
                <div className="mt-1 flex flex-wrap items-center gap-1 text-xs text-slate-600">
                  <Badge tone="neutral">{flowLabel(item.flow)}</Badge>
                  {item.contactEmail ? <span className="break-all">{item.contactEmail}</span> : null}
                </div>
                <div className="mt-1">
                  <FlagBadges flags={item.flags} />
                </div>
              </th>
              <td className="px-4 py-3">
                {item.step.complete ? (
                  <Badge tone="success">Complete</Badge>
                ) : (
                  <>
                    <span className="font-medium text-slate-900">{item.step.title}</span>
                    <span className="block text-xs text-slate-600">
                      Step {item.step.number} of {item.step.of}
                    </span>
                  </>
                )}
              </td>
              <td className="px-4 py-3">
                <ConnectionBadge status={item.connectionStatus} />
              </td>
              <td className="px-4 py-3">
                <TestPushBadge status={item.latestTestPush?.status ?? null} />
                {item.latestTestPush ? (
                  <span className="mt-1 block text-xs text-slate-600">
                    <When iso={item.latestTestPush.startedAt} now={now} />
                    {item.latestTestPush.onCurrentConnection ? "" : " · earlier connection"}
                  </span>
                ) : null}
              </td>
              <td className="px-4 py-3">
                <PushBadge enabled={item.pushEnabled} />
              </td>
              <td className="px-4 py-3">
                <PushHealthBadge state={item.health.state} />
                {item.health.since && (item.health.state === "failing" || item.health.state === "disconnected") ? (
                  <span className="mt-1 block text-xs text-slate-600">
                    since <When iso={item.health.since} now={now} />
                  </span>
                ) : null}
              </td>
              <td className="px-4 py-3 text-slate-700">
                <When iso={item.lastActivityAt} now={now} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function sortLabel(sort: SupportSort): string {
  const labels: Record<SupportSort, string> = { name: "company name", "test-push": "last test push", activity: "last activity", health: "push health (worst first when ascending)" };
  return labels[sort];
}
