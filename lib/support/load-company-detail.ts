import type { Db } from "@/lib/db/client";
import type { CompanyRow } from "@/lib/db/queries/companies";
import { listCompanyEvents } from "@/lib/db/queries/events";
import { listTestPushes } from "@/lib/db/queries/test-pushes";
import { getCurrentSetupLink } from "@/lib/db/queries/setup-links";
import { getStaffNames } from "@/lib/db/queries/staff";
import { findProgress } from "@/lib/db/queries/support-progress";
import { diagnosePush } from "@/lib/sage/diagnosis";
import type { Diagnosis } from "@/lib/sage/diagnosis-codes";
import { classifySetup, type SetupStatusFlags } from "@/lib/sage/support-status";
import type { ConnectionStatus, SetupFlow } from "@/lib/sage/types";
import { checkLink } from "@/lib/setup-links/resolve-setup-link";
import { requestErrorOf, toTestPushView, type TestPushView } from "@/lib/test-push/test-push-view";
import { readCodatEvidence, type CodatEvidence } from "@/lib/sage/codat-evidence";
import { WIZARD_STEPS } from "@/lib/sage/steps";
import { companyChecklist, type ChecklistStep } from "./company-checklist";
import { columnsToReset } from "./reset-step";
import { describeEvent, type EventDescription } from "./describe-event";
import { stepReached, wizardFactsFrom, type StepReached } from "./step-reached";
import { loadStuckAfterDays } from "./support-settings";
import { loadPushHealth } from "@/lib/push-health/load-push-health";
import { toPushHealthJson, type PushHealthJson } from "@/lib/push-health/push-health-json";
import { isTestPushRunning } from "@/lib/sage/test-push-status";

const TIMELINE_PAGE_SIZE = 50;
const TEST_PUSH_HISTORY = 20;

type TimelineEntry = {
  id: number;
  at: string;
  actorType: string;
  actorLabel: string;
  description: EventDescription;
  /** What Codat said, when the event carries it (test-push outcomes and failed requests). */
  evidence: CodatEvidence | null;
};

export type CompanyDetail = {
  company: {
    id: string;
    name: string;
    contactEmail: string | null;
    flow: SetupFlow;
    /** The license key (= Codat company id) with all but its last 4 characters hidden; the full key is shown on request. */
    licenseKeyMasked: string;
    codatConnectionId: string | null;
    connectionStatus: ConnectionStatus | null;
    lastSyncAt: string | null;
    reportedCompanyName: string | null;
    baseCurrency: string | null;
    pushEnabled: boolean;
    createdAt: string;
    lastActivityAt: string;
  };
  usernames: { push: string | null; everyday: string[] };
  checklist: ChecklistStep[];
  stepReached: StepReached;
  flags: SetupStatusFlags;
  /** The most likely current problem (or state), from the latest test push on the current connection. */
  diagnosis: Diagnosis;
  /** Each with what Codat said about it (support only: the client's view has the words, not the evidence). */
  testPushes: (TestPushView & { startedByName: string | null; evidence: CodatEvidence | null })[];
  runningTestPush: boolean;
  timeline: TimelineEntry[];
  /** Pass as `before` to read older timeline entries; null when there are none. */
  olderBefore: number | null;
  setupLink: { state: "active" | "expired" | "replaced" | "none"; issuedAt: string | null; expiresAt: string | null };
  /** Push health with the recent failures and their Codat evidence (support only). */
  pushHealth: PushHealthJson | null;
};

/** Everything the support company page shows, read in parallel; the license key stays on the server. */
export async function loadCompanyDetail(
  db: Db,
  company: CompanyRow,
  opts: { before?: number; now?: Date } = {},
): Promise<CompanyDetail> {
  const now = opts.now ?? new Date();
  const [progress, pushes, events, link, health, stuckAfterDays] = await Promise.all([
    findProgress(db, company.id),
    listTestPushes(db, company.id, TEST_PUSH_HISTORY),
    listCompanyEvents(db, company.id, { before: opts.before, limit: TIMELINE_PAGE_SIZE + 1 }),
    getCurrentSetupLink(db, company.id),
    loadPushHealth(db, company.id, { now }),
    loadStuckAfterDays(db),
  ]);
  const staffIds = pushes.flatMap((p) => (p.startedByType === "staff" && p.startedById ? [p.startedById] : []));
  const names = await getStaffNames(db, staffIds);

  const setup = { pushUsername: progress?.pushUsername ?? null, everydayUsernames: progress?.everydayUsernames ?? [] };
  const latestOnCurrent = pushes.find((p) => p.connectionId === company.codatConnectionId) ?? null;
  // Only the newest push overall can be "the latest on the current connection" for the wizard's facts.
  const latest = pushes[0] ?? null;
  const wizardPush = latest && latest.connectionId === company.codatConnectionId ? { status: latest.status } : null;
  const facts = wizardFactsFrom({
    flow: company.flow,
    connectionStatus: company.connectionStatus,
    pushEnabled: company.pushEnabled,
    progress,
    latestTestPushOnCurrentConnection: wizardPush,
  });

  const diagnosis = diagnosePush({
    testPush: latestOnCurrent
      ? {
          status: latestOnCurrent.status,
          codatStatus: latestOnCurrent.codatStatus,
          statusCode: latestOnCurrent.statusCode,
          errorMessage: latestOnCurrent.errorMessage,
          validation: latestOnCurrent.validation,
          startedAt: latestOnCurrent.startedAt,
          completedAt: latestOnCurrent.completedAt,
          deadlineAt: latestOnCurrent.deadlineAt,
        }
      : null,
    connection: { status: company.connectionStatus, lastSyncAt: company.lastSyncAt },
    setup: { ...setup, flow: company.flow },
    now,
    errorKind: latestOnCurrent ? requestErrorOf(latestOnCurrent) : null,
  });

  const visible = events.slice(0, TIMELINE_PAGE_SIZE);
  const linkCheck = link ? checkLink(link, now) : null;

  return {
    company: {
      id: company.id,
      name: company.name,
      contactEmail: company.contactEmail,
      flow: company.flow,
      licenseKeyMasked: maskLicenseKey(company.codatCompanyId),
      codatConnectionId: company.codatConnectionId,
      connectionStatus: company.connectionStatus,
      lastSyncAt: company.lastSyncAt?.toISOString() ?? null,
      reportedCompanyName: company.reportedCompanyName,
      baseCurrency: company.baseCurrency,
      pushEnabled: company.pushEnabled,
      createdAt: company.createdAt.toISOString(),
      lastActivityAt: company.lastActivityAt.toISOString(),
    },
    usernames: { push: setup.pushUsername, everyday: setup.everydayUsernames },
    checklist: companyChecklist({
      ...facts,
      pushUsername: setup.pushUsername,
      confirmedCompanyName: progress?.confirmedCompanyName ?? null,
      pushEnabledAt: company.pushEnabledAt,
      foreignTraderConfirmedAt: progress?.foreignTraderConfirmedAt ?? null,
      testPushSucceededAt: wizardPush?.status === "success" ? (latest?.completedAt ?? null) : null,
      resettableSteps: new Set(WIZARD_STEPS.filter((s) => columnsToReset(progress, s.key).length > 0).map((s) => s.key)),
    }),
    stepReached: stepReached(facts),
    flags: classifySetup({
      lastActivityAt: company.lastActivityAt,
      now,
      stuckAfterDays,
      connectionStatus: company.connectionStatus,
      latestTestPushStatus: latest?.status ?? null,
      pushEnabled: company.pushEnabled,
    }),
    diagnosis,
    testPushes: pushes.map((row) => ({
      ...toTestPushView(row, company, setup, now),
      startedByName: row.startedById ? (names.get(row.startedById) ?? null) : null,
      evidence: readCodatEvidence(row.evidence),
    })),
    runningTestPush: isTestPushRunning(latest?.status),
    timeline: visible.map((e) => ({
      id: e.id,
      at: e.createdAt.toISOString(),
      actorType: e.actorType,
      actorLabel: e.actorLabel ?? e.actorType,
      description: describeEvent(e.type, e.data),
      evidence: readCodatEvidence(e.data.evidence),
    })),
    olderBefore: events.length > TIMELINE_PAGE_SIZE ? (visible.at(-1)?.id ?? null) : null,
    setupLink: {
      state: !link ? "none" : linkCheck?.ok ? "active" : linkCheck?.reason === "expired" ? "expired" : "replaced",
      issuedAt: link?.createdAt.toISOString() ?? null,
      expiresAt: link?.expiresAt.toISOString() ?? null,
    },
    pushHealth: health ? toPushHealthJson(health, { evidence: true }) : null,
  };
}

/** "••••••••-••••-••••-••••-••••••••1a2b": enough to tell keys apart on a call, not enough to use one. */
function maskLicenseKey(key: string): string {
  const tail = key.slice(-4);
  return key.slice(0, -4).replace(/[^-]/g, "•") + tail;
}
