import Link from "next/link";
import type { CompanyDetail } from "@/lib/support/load-company-detail";
import type { EventKind } from "@/lib/support/describe-event";
import { Card } from "@/components/ui/card";
import { formatDateTime } from "./format";
import { CodatEvidenceBlock } from "./codat-evidence";

const KIND_LABEL: Record<EventKind, string> = {
  setup: "Setup",
  wizard: "Wizard",
  connection: "Connection",
  "test-push": "Test push",
  push: "Data push",
  link: "Setup link",
  note: "Note",
  staff: "Support",
  webhook: "Webhook",
};

const DOT = {
  neutral: "bg-slate-400",
  info: "bg-brand-600",
  success: "bg-emerald-600",
  warning: "bg-amber-500",
  error: "bg-red-600",
} as const;

/** Everything that happened to this company, newest first: who, what, when. */
export function TimelineList({ detail }: { detail: CompanyDetail }) {
  const { timeline, olderBefore, company } = detail;
  return (
    <Card>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="timeline-heading" className="text-lg font-bold text-slate-900">
          Timeline
        </h2>
        <a href={`/api/companies/${company.id}/timeline.csv`} download className="text-sm font-semibold text-brand-700 underline">
          Download CSV<span className="sr-only"> of the whole timeline</span>
        </a>
      </div>
      {timeline.length === 0 ? (
        <p className="mt-3 text-sm text-slate-700">Nothing has happened yet.</p>
      ) : (
        <ol aria-labelledby="timeline-heading" className="mt-4 space-y-0" data-testid="timeline">
          {timeline.map((entry) => (
            <li key={entry.id} className="relative border-l border-slate-200 pb-5 pl-6 last:pb-0">
              <span aria-hidden="true" className={`absolute -left-1.5 top-1.5 h-3 w-3 rounded-full ${DOT[entry.description.tone]}`} />
              <p className="text-sm text-slate-900">
                <span className="font-semibold">{entry.actorLabel}</span> {entry.description.sentence}
              </p>
              {entry.description.detail ? (
                <p className="mt-1 whitespace-pre-wrap break-words rounded bg-slate-50 px-3 py-2 text-sm text-slate-800">
                  {entry.description.detail}
                </p>
              ) : null}
              {entry.evidence ? <CodatEvidenceBlock evidence={entry.evidence} /> : null}
              <p className="mt-1 text-xs text-slate-600">
                <time dateTime={entry.at}>{formatDateTime(entry.at)}</time> · {KIND_LABEL[entry.description.kind]}
                {entry.description.help ? (
                  <>
                    {" · "}
                    <Link href={`/help/${entry.description.help.slug}`} className="font-medium text-brand-700 underline">
                      Help: {entry.description.help.title}
                    </Link>
                  </>
                ) : null}
              </p>
            </li>
          ))}
        </ol>
      )}
      {olderBefore ? (
        <p className="mt-4 text-sm">
          <Link href={`/support/companies/${company.id}?before=${olderBefore}#timeline-heading`} className="font-semibold text-brand-700 underline">
            Older events
          </Link>
        </p>
      ) : null}
    </Card>
  );
}
