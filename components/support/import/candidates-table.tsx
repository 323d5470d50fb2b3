import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { LinkableCompany, LinkableState } from "@/lib/import/list-linkable-companies";
import { connectionStatusBadge, flowDescription } from "@/lib/sage/status-labels";
import { formatDateTime, timeAgo } from "../format";

const STATE_TEXT: Record<LinkableState, string> = {
  ready: "Ready to invite",
  already_set_up: "Already set up here",
  not_linked: "Connector not linked: use a new setup",
  no_sage50: "No Sage 50 connection",
};

type Props = {
  items: LinkableCompany[];
  now: Date;
  selected: ReadonlySet<string>;
  disabled: boolean;
  onToggle: (company: LinkableCompany, on: boolean) => void;
  onToggleAll: (on: boolean) => void;
};

/** One page of Codat companies; only those ready for the upgrade can be ticked. */
export function CandidatesTable({ items, now, selected, disabled, onToggle, onToggleAll }: Props) {
  const ready = items.filter((i) => i.state === "ready");
  const allTicked = ready.length > 0 && ready.every((i) => selected.has(i.codatCompanyId));
  return (
    <div
      role="region"
      aria-labelledby="candidates-caption"
      tabIndex={0}
      className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm"
    >
      <table className="w-full min-w-[36rem] border-collapse text-left text-sm">
        <caption id="candidates-caption" className="sr-only">
          Codat companies on this page, with their Sage 50 connection and whether they are set up here
        </caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-700">
          <tr>
            <th scope="col" className="w-12 px-4 py-3">
              <input
                type="checkbox"
                aria-label="Select every company ready to invite on this page"
                checked={allTicked}
                disabled={disabled || ready.length === 0}
                onChange={(e) => onToggleAll(e.currentTarget.checked)}
                className="h-4 w-4 accent-brand-600"
              />
            </th>
            <th scope="col" className="px-4 py-3 font-semibold">Company</th>
            <th scope="col" className="px-4 py-3 font-semibold">Sage 50 connection</th>
            <th scope="col" className="px-4 py-3 font-semibold">Here</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {items.map((item) => (
            <Row key={item.codatCompanyId} item={item} now={now} checked={selected.has(item.codatCompanyId)} disabled={disabled} onToggle={onToggle} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Row({
  item,
  now,
  checked,
  disabled,
  onToggle,
}: {
  item: LinkableCompany;
  now: Date;
  checked: boolean;
  disabled: boolean;
  onToggle: Props["onToggle"];
}) {
  const ready = item.state === "ready";
  const boxId = `pick-${item.codatCompanyId}`;
  const connection = item.sage50 ? connectionStatusBadge(item.sage50.status) : null;
  return (
    <tr className={ready ? "align-top hover:bg-slate-50" : "align-top bg-slate-50/60"}>
      <td className="px-4 py-3">
        {ready ? (
          <input
            id={boxId}
            type="checkbox"
            checked={checked}
            disabled={disabled}
            onChange={(e) => onToggle(item, e.currentTarget.checked)}
            aria-describedby={`${boxId}-id`}
            className="h-4 w-4 accent-brand-600"
          />
        ) : null}
      </td>
      <th scope="row" className="px-4 py-3 font-normal">
        {ready ? (
          <label htmlFor={boxId} className="cursor-pointer font-semibold text-slate-900">
            {item.name}
          </label>
        ) : (
          <span className="font-semibold text-slate-800">{item.name}</span>
        )}
        <span id={`${boxId}-id`} className="mt-0.5 block font-mono text-xs text-slate-600 [overflow-wrap:anywhere]">
          <span className="sr-only">Codat company ID </span>
          {item.codatCompanyId}
        </span>
      </th>
      <td className="whitespace-nowrap px-4 py-3">
        {connection ? <Badge tone={connection.tone}>{connection.label}</Badge> : <Badge tone="neutral">None</Badge>}
        {item.sage50 ? (
          <span className="mt-1 block text-xs text-slate-600">
            {item.sage50.lastSync ? (
              <>
                Last sync{" "}
                <time dateTime={item.sage50.lastSync} title={formatDateTime(item.sage50.lastSync)}>
                  {timeAgo(item.sage50.lastSync, now)}
                </time>
              </>
            ) : (
              "Never synced"
            )}
          </span>
        ) : null}
      </td>
      <td className="min-w-[10rem] px-4 py-3">
        {item.existing ? (
          <Link href={`/support/companies/${item.existing.companyId}`} className="font-semibold text-brand-700 underline">
            Already set up<span className="sr-only">: open {item.existing.name}</span>
          </Link>
        ) : ready ? (
          <Badge tone="success">{STATE_TEXT.ready}</Badge>
        ) : (
          <span className="text-slate-700">{STATE_TEXT[item.state]}</span>
        )}
        {item.existing ? (
          <span className="mt-1 block text-xs text-slate-600">
            {flowDescription(item.existing.flow)} setup · {item.existing.pushEnabled ? "push on" : "push off"}
          </span>
        ) : null}
      </td>
    </tr>
  );
}
