import type { PushHealthView } from "./load-push-health";

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** A company's push health as the pages take it (times as ISO strings); `recentFailures` only for support. */
export function toPushHealthJson(view: PushHealthView, opts: { evidence: boolean }) {
  return {
    state: view.state,
    cause: view.cause,
    since: iso(view.since),
    repairStep: view.repairStep,
    lastSuccessAt: iso(view.lastSuccessAt),
    lastFailureAt: iso(view.lastFailureAt),
    counts: view.counts,
    days: view.days,
    openAlert: view.openAlert ? { openedAt: view.openAlert.openedAt.toISOString(), notifiedAt: iso(view.openAlert.notifiedAt) } : null,
    recentFailures: opts.evidence ? view.recentFailures.map((f) => ({ ...f, completedAt: iso(f.completedAt) })) : [],
  };
}

export type PushHealthJson = ReturnType<typeof toPushHealthJson>;
