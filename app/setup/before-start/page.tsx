import { StepPage, stepMetadata } from "@/components/wizard/step-page";
import { BeforeStartStep } from "@/components/wizard/steps/before-start-step";
import type { WizardView } from "@/lib/setup/wizard-view";
import { loadSage50VersionNotes } from "@/lib/setup/load-version-notes";

export const metadata = stepMetadata("before-start");

/** The step with the Sage 50 version notes of the company's connection (or the documented minimum), read on the server. */
async function BeforeStartWithVersionNotes({ view }: { view: WizardView }) {
  const versionNotes = await loadSage50VersionNotes(view.company.id);
  return <BeforeStartStep view={view} versionNotes={versionNotes} />;
}

/** Step 1: what will happen, what is needed, and handing the setup over to the Sage 50 PC. */
export default function BeforeStartPage() {
  return <StepPage stepKey="before-start" Body={BeforeStartWithVersionNotes} />;
}
