import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { findStep } from "@/lib/sage/steps";
import { stepHref } from "@/components/wizard/step-paths";
import { loadClientWizardView } from "@/lib/setup/wizard-page-data";

export const metadata: Metadata = { title: "Setup" };

/** /setup: the step the server says the client is on. */
export default async function SetupPage() {
  const view = await loadClientWizardView("/setup");
  const step = findStep(view.current);
  redirect(step ? stepHref(step) : "/setup/before-start");
}
