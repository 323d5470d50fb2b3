import type { WizardView } from "@/lib/setup/wizard-view";
import { EnablePushPanel } from "../enable-push-panel";

/** Step 6: turn on data push. */
export function EnablePushStep({ view }: { view: WizardView }) {
  return <EnablePushPanel companyId={view.company.id} />;
}
