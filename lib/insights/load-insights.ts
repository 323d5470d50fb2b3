import type { Db } from "@/lib/db/client";
import { readFunnel } from "@/lib/db/queries/insights-funnel";
import { readStalledByStep } from "@/lib/db/queries/insights-stalled";
import { countTestPushesPassed, readTestPushFailures, readWriteFailures, UNDIAGNOSED } from "@/lib/db/queries/insights-failures";
import { readCompletions } from "@/lib/db/queries/insights-completed";
import { getSettings } from "@/lib/db/queries/settings";
import {
  causesByWeek,
  countsByWeek,
  flowsFor,
  funnelConversions,
  periodStart,
  stepLosingMost,
  weeksBetween,
  type CausesByWeek,
} from "@/lib/sage/insights";
import { isDiagnosisCode } from "@/lib/sage/diagnosis-codes";
import { helpTopicForCode } from "@/lib/sage/help-topics";
import { findStep, type WizardStepKey } from "@/lib/sage/steps";
import { supportListHref, DEFAULT_SUPPORT_LIST_QUERY } from "@/lib/support/support-list-schema";
import type { InsightsQuery } from "./insights-query-schema";

/** Failures counted by push health's daily counts whose own row (and cause) is no longer kept. */
const NOT_KEPT = "not_kept";

type FunnelStepView = {
  step: WizardStepKey;
  title: string;
  reached: number;
  movedOn: number;
  lost: number;
  conversion: number;
  medianSeconds: number | null;
  p90Seconds: number | null;
};

export type CausesView = CausesByWeek & { labels: Record<string, string> };

export type InsightsView = {
  query: InsightsQuery;
  from: string;
  to: string;
  funnel: FunnelStepView[];
  /** The step where most setups of the period stopped (null when none did). */
  losingMost: FunnelStepView | null;
  stalledAfterDays: number;
  stalled: { step: WizardStepKey; title: string; count: number; href: string }[];
  testPushes: CausesView & { passed: number };
  writes: CausesView;
  completions: { week: string; count: number }[];
  medianLinkToPushSeconds: number | null;
};

const stepTitle = (key: WizardStepKey) => findStep(key)?.shortTitle ?? key;

function causeLabel(cause: string): string {
  if (isDiagnosisCode(cause)) return helpTopicForCode(cause).title;
  if (cause === NOT_KEPT) return "Counted, cause no longer kept";
  if (cause === UNDIAGNOSED) return "Not diagnosed";
  return cause;
}

const withLabels = (causes: CausesByWeek): CausesView => ({
  ...causes,
  labels: Object.fromEntries(causes.causes.map(({ cause }) => [cause, causeLabel(cause)])),
});

/**
 * Everything the insights page shows for a period and flow, each figure computed by the database
 * from what is already kept (companies, setup progress, test pushes, events, push health's writes).
 * Stalled means what the reminders mean: push off and quiet for the reminder delay.
 */
export async function loadInsights(db: Db, query: InsightsQuery, now = new Date()): Promise<InsightsView> {
  const params = { from: periodStart(now, query.days), to: now, flows: flowsFor(query.flow) };
  const settings = await getSettings(db);
  const stalledAfterDays = settings.reminderDelayDays;
  const [funnelRows, stalled, testFailures, passed, writeFailures, completions] = await Promise.all([
    readFunnel(db, params),
    readStalledByStep(db, { quietSince: new Date(now.getTime() - stalledAfterDays * 86_400_000), flows: params.flows }),
    readTestPushFailures(db, params),
    countTestPushesPassed(db, params),
    readWriteFailures(db, params),
    readCompletions(db, params),
  ]);
  const weeks = weeksBetween(params.from, now);
  const funnel = funnelConversions(funnelRows).map((row) => ({ ...row, title: stepTitle(row.step) }));
  const listQuery = { ...DEFAULT_SUPPORT_LIST_QUERY, filter: "stuck" as const, flow: query.flow };
  return {
    query,
    from: params.from.toISOString(),
    to: now.toISOString(),
    funnel,
    losingMost: stepLosingMost(funnel),
    stalledAfterDays,
    stalled: funnel.map(({ step, title }) => ({
      step,
      title,
      count: stalled.get(step) ?? 0,
      href: supportListHref(listQuery, { step }),
    })),
    testPushes: { ...withLabels(causesByWeek(testFailures, weeks)), passed },
    writes: withLabels(causesByWeek(writeFailures.kept, weeks, { totals: writeFailures.totals, restCause: NOT_KEPT })),
    completions: countsByWeek(completions.byWeek, weeks),
    medianLinkToPushSeconds: completions.medianLinkToPushSeconds,
  };
}
