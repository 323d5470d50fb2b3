import type { Db } from "@/lib/db/client";
import { getSettings } from "@/lib/db/queries/settings";
import { diagnoseForeignCurrency } from "@/lib/sage/foreign-currency";
import { pushReadiness } from "@/lib/sage/readiness";
import { suggestPushUsername } from "@/lib/sage/usernames";
import { toTestPushView } from "@/lib/test-push/test-push-view";
import type { WizardState } from "./load-wizard";

/** The wizard's JSON: what the client sees and may do, decided by the server. */
export async function toWizardView(db: Db, state: WizardState) {
  const { company, progress, latestTestPush } = state;
  const settings = await getSettings(db);
  const setupFacts = { pushUsername: progress.pushUsername, everydayUsernames: progress.everydayUsernames };
  const latestOnCurrent = latestTestPush && latestTestPush.connectionId === company.codatConnectionId ? latestTestPush : null;
  const foreignTraderConfirmed = progress.foreignTraderConfirmedAt !== null;
  return {
    company: {
      id: company.id,
      name: company.name,
      flow: company.flow,
      pushEnabled: company.pushEnabled,
      connection: {
        status: company.connectionStatus,
        linkUrl: company.linkUrl,
        licenseKey: company.codatCompanyId,
        lastSyncAt: company.lastSyncAt?.toISOString() ?? null,
        reportedCompanyName: company.reportedCompanyName,
        baseCurrency: company.baseCurrency,
      },
    },
    progress: {
      pushUsername: progress.pushUsername,
      everydayUsernames: progress.everydayUsernames,
      companyConfirmedAt: progress.companyConfirmedAt?.toISOString() ?? null,
      foreignTraderConfirmed,
    },
    steps: state.steps,
    current: state.current,
    integratorName: settings.integratorName,
    supportContact: settings.supportContact,
    suggestedPushUsername: suggestPushUsername(settings.integratorName),
    foreignCurrency: diagnoseForeignCurrency({ baseCurrency: company.baseCurrency, pushCurrencies: settings.pushCurrencies }),
    latestTestPush: latestTestPush ? toTestPushView(latestTestPush, company, setupFacts) : null,
    readiness: pushReadiness({
      connectionStatus: company.connectionStatus,
      currentConnectionId: company.codatConnectionId,
      latestTestPush: latestOnCurrent
        ? { status: latestOnCurrent.status, connectionId: latestOnCurrent.connectionId, diagnosisCode: latestOnCurrent.diagnosisCode }
        : null,
      baseCurrency: company.baseCurrency,
      pushCurrencies: settings.pushCurrencies,
      foreignTraderConfirmed,
      pushEnabled: company.pushEnabled,
    }),
  };
}
export type WizardView = Awaited<ReturnType<typeof toWizardView>>;
