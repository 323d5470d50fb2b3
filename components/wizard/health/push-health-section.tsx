import Link from "next/link";
import type { PushHealthJson } from "@/lib/push-health/push-health-json";
import { pushHealthBadge } from "@/lib/sage/status-labels";
import { PUSH_HEALTH_WORDS, repairWords } from "@/lib/sage/push-health-copy";
import { findStep } from "@/lib/sage/steps";
import type { SetupFlow } from "@/lib/sage/types";
import { Badge } from "@/components/ui/badge";
import { DailyWritesChart } from "@/components/charts/daily-writes-chart";
import { LocalTime } from "../local-time";
import { stepHref } from "../step-paths";

/**
 * How the integrator's data is reaching Sage 50 since setup, for the client: the state in plain words,
 * the cause with its fix and the step that fixes it, and writes per day for 30 days. No Codat evidence.
 */
export function PushHealthSection({
  health,
  flow,
  pushUsername,
  everydayUsernames,
  integratorName,
}: {
  health: PushHealthJson;
  flow: SetupFlow;
  pushUsername: string | null;
  everydayUsernames: string[];
  integratorName: string;
}) {
  const badge = pushHealthBadge(health.state);
  const needsFix = health.cause !== null && health.state !== "healthy" && health.state !== "unknown";
  const words = needsFix ? repairWords(health.cause, { flow, pushUsername, everydayUsernames }) : null;
  const step = findStep(health.repairStep);
  return (
    <section aria-labelledby="push-health-heading" className="mb-6 rounded-xl border border-slate-200 bg-white p-6 shadow-sm" data-testid="push-health">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="push-health-heading" className="text-lg font-bold text-slate-900">
          Data from {integratorName}
        </h2>
        <Badge tone={badge.tone}>{badge.label}</Badge>
      </div>
      <p className="mt-2 text-slate-700">
        {PUSH_HEALTH_WORDS[health.state]}
        {health.since && health.state !== "unknown" ? (
          <>
            {" "}
            <span className="text-sm text-slate-600">
              (since <LocalTime iso={health.since} />)
            </span>
          </>
        ) : null}
      </p>
      {words ? (
        <div className="mt-4 rounded-lg border-l-4 border-red-600 bg-red-50 p-4">
          <h3 className="font-semibold text-slate-900">{words.headline}</h3>
          <p className="mt-1 text-slate-800">{words.explanation}</p>
          <p className="mt-2 font-semibold text-slate-900">How to fix it</p>
          <ol className="mt-1 list-decimal space-y-1 pl-5 text-slate-800">
            {words.steps.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ol>
          {step ? (
            <p className="mt-3">
              <Link href={stepHref(step)} className="font-semibold text-brand-700 underline underline-offset-2">
                Open the step “{step.title}”
              </Link>
            </p>
          ) : null}
        </div>
      ) : null}
      <DailyWritesChart days={health.days} title={`Writes from ${integratorName} to Sage 50`} />
    </section>
  );
}
