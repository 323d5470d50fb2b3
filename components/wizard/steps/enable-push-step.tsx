import type { WizardView } from "@/lib/setup/wizard-view";
import { EnablePushPanel } from "../enable-push-panel";
import { IllustrationFigure } from "../illustration-figure";

/** Step 6: turn on data push. */
export function EnablePushStep({ view }: { view: WizardView }) {
  const pushUsername = view.progress.pushUsername ?? view.suggestedPushUsername;
  return (
    <EnablePushPanel
      companyId={view.company.id}
      foreignTraderFigure={<IllustrationFigure name="sage-foreign-trader" integratorName={view.integratorName} pushUsername={pushUsername} />}
    />
  );
}
