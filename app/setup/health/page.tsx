import type { Metadata } from "next";
import { WizardHydration } from "@/components/wizard/wizard-hydration";
import { HealthPanel } from "@/components/wizard/health/health-panel";
import { WizardHelpFooter } from "@/components/wizard/wizard-help-footer";
import { PushHealthSection } from "@/components/wizard/health/push-health-section";
import { loadClientPushHealth, loadClientWizardView } from "@/lib/setup/wizard-page-data";

export const metadata: Metadata = { title: "Connection health" };

/** Connection health for the client, any time after setup. */
export default async function HealthPage() {
  const [view, health] = await Promise.all([loadClientWizardView("/setup/health"), loadClientPushHealth("/setup/health")]);
  return (
    <WizardHydration view={view}>
      <header className="mb-6">
        <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">{view.company.name}</p>
        <h1 className="mt-1 text-2xl font-bold text-slate-900 sm:text-3xl">Connection health</h1>
        <p className="mt-2 max-w-3xl text-slate-700">
          How the link between Sage 50 and {view.integratorName} is doing, and a test push to check it whenever something changes.
        </p>
      </header>
      {health && (view.company.pushEnabled || health.state !== "unknown") ? (
        <PushHealthSection
          health={health}
          flow={view.company.flow}
          pushUsername={view.progress.pushUsername}
          everydayUsernames={view.progress.everydayUsernames}
          integratorName={view.integratorName}
        />
      ) : null}
      <HealthPanel companyId={view.company.id} />
      <WizardHelpFooter supportContact={view.supportContact} integratorName={view.integratorName} />
    </WizardHydration>
  );
}
