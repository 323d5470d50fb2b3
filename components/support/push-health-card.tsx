import type { PushHealthJson } from "@/lib/push-health/push-health-json";
import { pushHealthBadge } from "@/lib/sage/status-labels";
import { repairWords } from "@/lib/sage/push-health-copy";
import { helpTopicForCode } from "@/lib/sage/help-topics";
import { findStep } from "@/lib/sage/steps";
import type { SetupFlow } from "@/lib/sage/types";
import { Badge } from "@/components/ui/badge";
import { DailyWritesChart } from "@/components/charts/daily-writes-chart";
import { CodatEvidenceBlock } from "./codat-evidence";
import { When } from "./when";

/**
 * Push health for support: the state and since when, the cause with the fix the client is told, the
 * open alert (opened, emailed), the 30-day chart and the latest failed writes with what Codat said.
 */
export function PushHealthCard({
  health,
  flow,
  usernames,
  now,
}: {
  health: PushHealthJson;
  flow: SetupFlow;
  usernames: { push: string | null; everyday: string[] };
  now: Date;
}) {
  const badge = pushHealthBadge(health.state);
  const words = health.cause ? repairWords(health.cause, { flow, pushUsername: usernames.push, everydayUsernames: usernames.everyday }) : null;
  const step = findStep(health.repairStep);
  return (
    <section aria-labelledby="push-health-heading" className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm" data-testid="push-health-card">
      <div className="flex flex-wrap items-center gap-2">
        <h2 id="push-health-heading" className="text-lg font-bold text-slate-900">
          Push health
        </h2>
        <Badge tone={badge.tone}>{badge.label}</Badge>
        {health.since ? (
          <span className="text-sm text-slate-700">
            since <When iso={health.since} now={now} />
          </span>
        ) : null}
      </div>
      <dl className="mt-3 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
        <dt className="font-semibold text-slate-700">Last write succeeded</dt>
        <dd><When iso={health.lastSuccessAt} now={now} /></dd>
        <dt className="font-semibold text-slate-700">Last write failed</dt>
        <dd><When iso={health.lastFailureAt} now={now} /></dd>
        <dt className="font-semibold text-slate-700">Last 30 days</dt>
        <dd>
          {health.counts.last30d.succeeded} succeeded, {health.counts.last30d.failed} failed
        </dd>
        <dt className="font-semibold text-slate-700">Alert</dt>
        <dd data-testid="push-health-alert">
          {health.openAlert ? (
            <>
              open since <When iso={health.openAlert.openedAt} now={now} />
              {"; "}
              {health.openAlert.notifiedAt ? (
                <>
                  client emailed <When iso={health.openAlert.notifiedAt} now={now} />
                </>
              ) : (
                "email not sent yet"
              )}
            </>
          ) : (
            "none open"
          )}
        </dd>
      </dl>
      {words && health.cause ? (
        <div className="mt-4 rounded-lg border border-slate-200 bg-slate-50 p-4">
          <h3 className="font-semibold text-slate-900">Cause: {words.headline}</h3>
          <p className="mt-1 text-sm text-slate-800">{words.explanation}</p>
          <p className="mt-2 text-sm font-semibold text-slate-800">The fix the client is told{step ? ` (the repair link opens “${step.title}”)` : ""}:</p>
          <ol className="mt-1 list-decimal space-y-1 pl-5 text-sm text-slate-800">
            {words.steps.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ol>
          <p className="mt-2 text-sm">
            <a href={`/help/${helpTopicForCode(health.cause).slug}`} className="font-semibold text-brand-700 underline">
              Help: {helpTopicForCode(health.cause).title}
            </a>
          </p>
        </div>
      ) : null}
      <h3 className="mt-5 font-semibold text-slate-900">Writes per day</h3>
      <DailyWritesChart days={health.days} title="Writes to Sage 50" />
      <h3 className="mt-5 font-semibold text-slate-900">Latest failed writes</h3>
      {health.recentFailures.length === 0 ? (
        <p className="mt-1 text-sm text-slate-700">No failed write kept.</p>
      ) : (
        <ul className="mt-2 space-y-3" data-testid="recent-failures">
          {health.recentFailures.map((f) => (
            <li key={f.pushOperationKey} className="border-b border-slate-100 pb-2 text-sm">
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-medium text-slate-900">{f.dataType}</span>
                <When iso={f.completedAt} now={now} className="text-slate-700" />
                {f.diagnosisCode ? <Badge tone="error">{helpTopicForCode(f.diagnosisCode).title}</Badge> : null}
                {f.confidence ? <Badge tone="neutral">{f.confidence}</Badge> : null}
              </div>
              {f.reason ? <p className="mt-1 text-slate-700">{f.reason}</p> : null}
              <p className="mt-1 break-all font-mono text-xs text-slate-600">{f.pushOperationKey}</p>
              {f.evidence ? <CodatEvidenceBlock evidence={f.evidence} /> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
