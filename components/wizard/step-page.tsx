import type { ComponentType } from "react";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { findStep, type WizardStepKey } from "@/lib/sage/steps";
import type { WizardView } from "@/lib/setup/wizard-view";
import { loadClientWizardView } from "@/lib/setup/wizard-page-data";
import { WizardHydration } from "./wizard-hydration";
import { WizardFrame } from "./wizard-frame";
import { stepHref } from "./step-paths";
import { stepLead } from "./steps/step-lead";

function stepFor(key: WizardStepKey) {
  const step = findStep(key);
  if (!step) throw new Error(`No wizard step "${key}" in WIZARD_STEPS.`);
  return step;
}

/** The page title of one step. */
export function stepMetadata(key: WizardStepKey): Metadata {
  return { title: stepFor(key).title };
}

/**
 * One wizard step's page. Each step has its own route (app/setup/<path>/page.tsx) so that it ships
 * only its own client code. The server decides: a step not open yet (or not in this flow) sends
 * the client to the current one.
 */
export async function StepPage({ stepKey, Body }: { stepKey: WizardStepKey; Body: ComponentType<{ view: WizardView }> }) {
  const step = stepFor(stepKey);
  const view = await loadClientWizardView(stepHref(step));
  const state = view.steps.find((s) => s.key === step.key)?.state;
  if (state === undefined || state === "locked") {
    const current = findStep(view.current);
    redirect(current ? stepHref(current) : "/setup/before-start");
  }
  return (
    <WizardHydration view={view}>
      <WizardFrame companyId={view.company.id} stepKey={step.key} lead={stepLead(step.key, view)}>
        <Body view={view} />
      </WizardFrame>
    </WizardHydration>
  );
}
