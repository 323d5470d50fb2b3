import { stepsForFlow, type WizardStepKey } from "./steps";
import type { SetupFlow } from "./types";

/**
 * Support insights' rules, pure: which stored fact marks a setup entering each wizard step, the
 * periods and flows the page offers, conversion, shares and the weeks charts are bucketed in.
 */

export const INSIGHT_PERIODS = [7, 30, 90] as const;
export type InsightPeriod = (typeof INSIGHT_PERIODS)[number];
export const DEFAULT_INSIGHT_PERIOD: InsightPeriod = 30;

export const INSIGHT_FLOWS = ["all", "new", "upgrade"] as const;
export type InsightFlow = (typeof INSIGHT_FLOWS)[number];

/**
 * What the database keeps that says a setup got somewhere, in the order a setup gets there:
 * created (the setup's row), before-start done, push user saved, connector linked, company
 * confirmed, first test push passed, push enabled.
 */
export const PROGRESS_FACTS = ["created", "beforeStartDone", "pushUserDone", "connectorLinked", "companyConfirmed", "testPassed", "pushEnabled"] as const;
export type ProgressFact = (typeof PROGRESS_FACTS)[number];

/** The fact that marks finishing each step (and so entering the next one). */
const STEP_DONE_FACT: Record<WizardStepKey, ProgressFact> = {
  "before-start": "beforeStartDone",
  "push-user": "pushUserDone",
  connector: "connectorLinked",
  credentials: "companyConfirmed",
  "test-push": "testPassed",
  "enable-push": "pushEnabled",
};

export type StepSpan = { step: WizardStepKey; enteredBy: ProgressFact; leftBy: ProgressFact };

/**
 * Each step of the flow with the fact that marks entering it (the previous step's done fact, or the
 * setup's creation for the first step) and the one that marks leaving it.
 */
export function stepSpans(flow: SetupFlow): StepSpan[] {
  let previous: ProgressFact = "created";
  return stepsForFlow(flow).map(({ key }) => {
    const span = { step: key, enteredBy: previous, leftBy: STEP_DONE_FACT[key] };
    previous = span.leftBy;
    return span;
  });
}

/** The flows a filter covers. */
export function flowsFor(flow: InsightFlow): SetupFlow[] {
  return flow === "all" ? ["new", "upgrade"] : [flow];
}

/** The share of a part in a whole, 0 to 1 (0 when the whole is empty). */
export function share(part: number, whole: number): number {
  return whole > 0 ? part / whole : 0;
}

/** A share as a whole percentage for people: 0.456 → "46%". */
export function percent(value: number): string {
  return `${Math.round(value * 100)}%`;
}

export type FunnelStepCounts = { step: WizardStepKey; reached: number; movedOn: number };

/**
 * Conversion from each step to the next: of the setups that reached it, the share that reached the
 * next one. The step losing the most setups is the one with the most that stopped there.
 */
export function funnelConversions<T extends FunnelStepCounts>(steps: readonly T[]): (T & { conversion: number; lost: number })[] {
  return steps.map((s) => ({ ...s, conversion: share(s.movedOn, s.reached), lost: Math.max(0, s.reached - s.movedOn) }));
}

/** The step where most setups stopped, or null when none stopped. */
export function stepLosingMost<T extends { step: WizardStepKey; lost: number }>(steps: readonly T[]): T | null {
  return steps.reduce<T | null>((worst, s) => (s.lost > 0 && (worst === null || s.lost > worst.lost) ? s : worst), null);
}

const DAY_MS = 86_400_000;

/** The Monday (UTC, 00:00) of the week a time falls in, as YYYY-MM-DD: weeks run Monday to Sunday. */
export function weekStartOf(at: Date): string {
  const day = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - sinceMonday * DAY_MS).toISOString().slice(0, 10);
}

/** Every week (by its Monday) that a period touches, oldest first, so empty weeks still show. */
export function weeksBetween(from: Date, to: Date): string[] {
  const weeks: string[] = [];
  const last = weekStartOf(to);
  for (let week = weekStartOf(from); week <= last; week = new Date(Date.parse(week) + 7 * DAY_MS).toISOString().slice(0, 10)) {
    weeks.push(week);
  }
  return weeks;
}

/** When a period of `days` days ending at `now` starts. */
export function periodStart(now: Date, days: InsightPeriod): Date {
  return new Date(now.getTime() - days * DAY_MS);
}

export type WeekCauseCount = { week: string; cause: string; count: number };

export type CausesByWeek = {
  weeks: string[];
  /** Causes, the most frequent first, each with its total and share of every failure. */
  causes: { cause: string; total: number; share: number }[];
  /** One row per week: its Monday and the count per cause (0 where none). */
  rows: { week: string; counts: Record<string, number>; total: number }[];
};

/**
 * Failures by cause and week, every week of the period present, with each cause's share. `totals`
 * (optional) are the week's counted failures when only some were kept with a cause: the rest is
 * given to `restCause`, so the stacked bars still add up to what was counted.
 */
export function causesByWeek(
  counts: readonly WeekCauseCount[],
  weeks: readonly string[],
  rest?: { totals: ReadonlyMap<string, number>; restCause: string },
): CausesByWeek {
  const byWeek = new Map<string, Record<string, number>>(weeks.map((w) => [w, {}]));
  for (const { week, cause, count } of counts) {
    const row = byWeek.get(week);
    if (row) row[cause] = (row[cause] ?? 0) + count;
  }
  if (rest) {
    for (const [week, row] of byWeek) {
      const kept = Object.values(row).reduce((a, b) => a + b, 0);
      const missing = (rest.totals.get(week) ?? 0) - kept;
      if (missing > 0) row[rest.restCause] = (row[rest.restCause] ?? 0) + missing;
    }
  }
  const totals = new Map<string, number>();
  for (const row of byWeek.values()) for (const [cause, n] of Object.entries(row)) totals.set(cause, (totals.get(cause) ?? 0) + n);
  const all = [...totals.values()].reduce((a, b) => a + b, 0);
  const causes = [...totals]
    .filter(([, total]) => total > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([cause, total]) => ({ cause, total, share: share(total, all) }));
  const rows = [...byWeek].map(([week, row]) => ({
    week,
    counts: Object.fromEntries(causes.map(({ cause }) => [cause, row[cause] ?? 0])),
    total: causes.reduce((sum, { cause }) => sum + (row[cause] ?? 0), 0),
  }));
  return { weeks: [...weeks], causes, rows };
}

/** Counts per week with every week of the period present (0 where none). */
export function countsByWeek(counts: readonly { week: string; count: number }[], weeks: readonly string[]): { week: string; count: number }[] {
  const byWeek = new Map(counts.map((c) => [c.week, c.count]));
  return weeks.map((week) => ({ week, count: byWeek.get(week) ?? 0 }));
}

/**
 * The cause that grew the most from one week to the next (the last two weeks of the rows), with both
 * counts; null when no cause grew.
 */
export function growingCause(byWeek: Pick<CausesByWeek, "rows" | "causes">): { cause: string; before: number; after: number } | null {
  const [previous, latest] = byWeek.rows.slice(-2);
  if (!previous || !latest) return null;
  let best: { cause: string; before: number; after: number } | null = null;
  for (const { cause } of byWeek.causes) {
    const before = previous.counts[cause] ?? 0;
    const after = latest.counts[cause] ?? 0;
    if (after > before && (best === null || after - before > best.after - best.before)) best = { cause, before, after };
  }
  return best;
}
