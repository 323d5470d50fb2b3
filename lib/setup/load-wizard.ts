import type { Db } from "@/lib/db/client";
import type { CompanyRow } from "@/lib/db/queries/companies";
import { getProgress, type ProgressRow } from "@/lib/db/queries/progress";
import { getLatestTestPush, type TestPushRow } from "@/lib/db/queries/test-pushes";
import { stepStates, currentStep, type WizardFacts } from "@/lib/sage/steps";

export type WizardState = {
  company: CompanyRow;
  progress: ProgressRow;
  latestTestPush: TestPushRow | null;
  facts: WizardFacts;
  steps: ReturnType<typeof stepStates>;
  current: ReturnType<typeof currentStep>;
};

function wizardFacts(company: CompanyRow, progress: ProgressRow, latest: TestPushRow | null): WizardFacts {
  return {
    flow: company.flow,
    beforeStartDoneAt: progress.beforeStartDoneAt,
    pushUserDoneAt: progress.pushUserDoneAt,
    connectionStatus: company.connectionStatus,
    connectorLinkedAt: progress.connectorLinkedAt,
    companyConfirmedAt: progress.companyConfirmedAt,
    latestTestPushOnCurrentConnection:
      latest && latest.connectionId === company.codatConnectionId ? { status: latest.status } : null,
    pushEnabled: company.pushEnabled,
  };
}

/** Everything the wizard needs about one company; the server's word on which steps are open. */
export async function loadWizard(db: Db, company: CompanyRow): Promise<WizardState> {
  const [progress, latestTestPush] = await Promise.all([getProgress(db, company.id), getLatestTestPush(db, company.id)]);
  const facts = wizardFacts(company, progress, latestTestPush);
  return { company, progress, latestTestPush, facts, steps: stepStates(facts), current: currentStep(facts) };
}

