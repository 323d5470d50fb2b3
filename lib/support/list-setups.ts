import type { Db } from "@/lib/db/client";
import { listCompaniesForSupport, supportListStatements, type SupportListRow } from "@/lib/db/queries/support-list";
import { classifySetup, type SetupStatusFlags } from "@/lib/sage/support-status";
import type { ConnectionStatus, SetupFlow, TestPushStatus } from "@/lib/sage/types";
import type { WizardStepKey } from "@/lib/sage/steps";
import type { PushHealthState } from "@/lib/sage/push-health";
import type { DiagnosisCode } from "@/lib/sage/diagnosis-codes";
import { loadStuckAfterDays } from "./support-settings";
import { wizardFactsFrom, stepReached } from "./step-reached";
import type { SupportListQuery } from "./support-list-schema";

export type SetupListItem = {
  id: string;
  name: string;
  contactEmail: string | null;
  flow: SetupFlow;
  connectionStatus: ConnectionStatus | null;
  pushEnabled: boolean;
  health: { state: PushHealthState; cause: DiagnosisCode | null; since: string | null };
  lastActivityAt: string;
  step: { key: WizardStepKey; title: string; number: number; of: number; complete: boolean };
  latestTestPush: { status: TestPushStatus; startedAt: string; completedAt: string | null; onCurrentConnection: boolean } | null;
  flags: SetupStatusFlags;
};

export type SetupListPage = {
  items: SetupListItem[];
  total: number;
  page: number;
  pageSize: number;
  pages: number;
  stuckAfterDays: number;
};

/** One page of setups for the support console, each with its step reached and its status flags. */
export async function listSetups(db: Db, query: SupportListQuery, now = new Date()): Promise<SetupListPage> {
  const stuckAfterDays = await loadStuckAfterDays(db);
  const { rows, total } = await listCompaniesForSupport(db, query, { now, stuckAfterDays });
  return {
    items: rows.map((row) => toListItem(row, now, stuckAfterDays)),
    total,
    page: query.page,
    pageSize: query.pageSize,
    pages: Math.max(1, Math.ceil(total / query.pageSize)),
    stuckAfterDays,
  };
}

/**
 * Every setup the list's filters and search select, in its order, a page of `pageRows` at a time (the
 * CSV export): the same query as the list, without its count.
 */
export async function* allSetupPages(db: Db, query: SupportListQuery, now = new Date(), pageRows = 500): AsyncGenerator<SetupListItem[]> {
  const stuckAfterDays = await loadStuckAfterDays(db);
  for (let page = 1; ; page++) {
    const rows = await supportListStatements(db, { ...query, page, pageSize: pageRows }, { now, stuckAfterDays }).page;
    if (rows.length) yield rows.map((row) => toListItem(row, now, stuckAfterDays));
    if (rows.length < pageRows) return;
  }
}

function toListItem(row: SupportListRow, now: Date, stuckAfterDays: number): SetupListItem {
  const push = row.latestTestPush;
  const onCurrent = push !== null && push.connectionId === row.codatConnectionId;
  const facts = wizardFactsFrom({
    flow: row.flow,
    connectionStatus: row.connectionStatus,
    pushEnabled: row.pushEnabled,
    progress: row.progress,
    latestTestPushOnCurrentConnection: push && onCurrent ? { status: push.status } : null,
  });
  return {
    id: row.id,
    name: row.name,
    contactEmail: row.contactEmail,
    flow: row.flow,
    connectionStatus: row.connectionStatus,
    pushEnabled: row.pushEnabled,
    health: { state: row.health.state, cause: row.health.cause, since: row.health.since?.toISOString() ?? null },
    lastActivityAt: row.lastActivityAt.toISOString(),
    step: stepReached(facts),
    latestTestPush: push
      ? {
          status: push.status,
          startedAt: push.startedAt.toISOString(),
          completedAt: push.completedAt?.toISOString() ?? null,
          onCurrentConnection: onCurrent,
        }
      : null,
    flags: classifySetup({
      lastActivityAt: row.lastActivityAt,
      now,
      stuckAfterDays,
      connectionStatus: row.connectionStatus,
      latestTestPushStatus: push?.status ?? null,
      pushEnabled: row.pushEnabled,
    }),
  };
}
