import type { Db } from "@/lib/db/client";
import { getCompany } from "@/lib/db/queries/companies";
import { getOpenAlert } from "@/lib/db/queries/push-health";
import { lastWriteTimes, listFailedWrites, listWriteDays, startOfHour, sumWriteHours } from "@/lib/db/queries/push-writes";
import type { DiagnosisCode, DiagnosisConfidence } from "@/lib/sage/diagnosis-codes";
import type { CodatEvidence } from "@/lib/sage/codat-evidence";
import { repairStepFor, type PushHealthState } from "@/lib/sage/push-health";
import type { WizardStepKey } from "@/lib/sage/steps";

/** Days of daily counts the view gives (the chart's 30 days). */
const CHART_DAYS = 30;
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

type Counts = { succeeded: number; failed: number };

export type PushHealthView = {
  state: PushHealthState;
  cause: DiagnosisCode | null;
  since: Date | null;
  evaluatedAt: Date | null;
  /** The wizard step that fixes the cause (`repairStepFor`), for a repair link. */
  repairStep: WizardStepKey;
  lastSuccessAt: Date | null;
  lastFailureAt: Date | null;
  /**
   * `today`: the current UTC day; `last24h`: the current UTC hour and the 23 before it (hourly counts);
   * `last30d`: the 30 UTC days ending today.
   */
  counts: { today: Counts; last24h: Counts; last30d: Counts };
  /** One entry per UTC day of the last 30, oldest first, summed over data types (days without writes: zeros). */
  days: ({ day: string } & Counts)[];
  openAlert: { id: string; openedAt: Date; healthState: PushHealthState; cause: DiagnosisCode | null; notifiedAt: Date | null } | null;
  /** The latest failed writes with their diagnosis and what Codat said (for support: evidence may quote Codat). */
  recentFailures: {
    pushOperationKey: string;
    dataType: string;
    completedAt: Date | null;
    diagnosisCode: DiagnosisCode | null;
    confidence: DiagnosisConfidence | null;
    reason: string | null;
    candidates: { code: string; reason: string }[];
    evidence: CodatEvidence | null;
  }[];
};

/**
 * A company's push health as stored (kept by `evaluatePushHealth`), with its counts, open alert and
 * latest failures: what the health pages and the integrator's API show. Null for an unknown company;
 * callers check the actor may see the company first (a client only its own).
 */
export async function loadPushHealth(db: Db, companyId: string, opts: { now?: Date; failures?: number } = {}): Promise<PushHealthView | null> {
  const company = await getCompany(db, companyId);
  if (!company) return null;
  const now = opts.now ?? new Date();
  const dayList = Array.from({ length: CHART_DAYS }, (_, i) => new Date(now.getTime() - (CHART_DAYS - 1 - i) * DAY_MS).toISOString().slice(0, 10));
  const [rows, last24h, times, alert, failures] = await Promise.all([
    listWriteDays(db, companyId, dayList[0]!),
    sumWriteHours(db, companyId, new Date(startOfHour(now).getTime() - 23 * HOUR_MS)),
    lastWriteTimes(db, companyId),
    getOpenAlert(db, companyId),
    listFailedWrites(db, companyId, opts.failures ?? 10),
  ]);
  const byDay = new Map(dayList.map((day) => [day, { day, succeeded: 0, failed: 0 }]));
  for (const row of rows) {
    const entry = byDay.get(row.day);
    if (!entry) continue;
    entry.succeeded += row.succeeded;
    entry.failed += row.failed;
  }
  const days = [...byDay.values()];
  const sum = (list: Counts[]) => list.reduce((t, d) => ({ succeeded: t.succeeded + d.succeeded, failed: t.failed + d.failed }), { succeeded: 0, failed: 0 });
  return {
    state: company.pushHealthState,
    cause: company.pushHealthCause,
    since: company.pushHealthSince,
    evaluatedAt: company.pushHealthEvaluatedAt,
    repairStep: repairStepFor(company.pushHealthCause, company.flow),
    ...times,
    counts: { today: sum(days.slice(-1)), last24h, last30d: sum(days) },
    days,
    openAlert: alert ? { id: alert.id, openedAt: alert.openedAt, healthState: alert.healthState, cause: alert.cause, notifiedAt: alert.notifiedAt } : null,
    recentFailures: failures.map((f) => ({
      pushOperationKey: f.pushOperationKey,
      dataType: f.dataType,
      completedAt: f.completedAt,
      diagnosisCode: f.diagnosisCode,
      confidence: f.confidence,
      reason: f.diagnosisReason,
      candidates: f.candidates ?? [],
      evidence: f.evidence,
    })),
  };
}
