import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { WIZARD_STEPS, findStep } from "@/lib/sage/steps";
import { WizardHydration } from "@/components/wizard/wizard-hydration";
import { WizardFrame } from "@/components/wizard/wizard-frame";
import { StepContent, stepLead } from "@/components/wizard/steps/step-content";
import { stepHref } from "@/components/wizard/step-paths";
import { loadClientWizardView } from "@/lib/setup/wizard-page-data";

type Props = { params: Promise<{ step: string }> };

const stepByPath = (path: string) => WIZARD_STEPS.find((s) => s.path === path) ?? null;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const step = stepByPath((await params).step);
  return { title: step ? step.title : "Setup" };
}

/** One wizard step. The server decides: a step not open yet (or not in this flow) sends the client to the current one. */
export default async function SetupStepPage({ params }: Props) {
  const { step: path } = await params;
  const step = stepByPath(path);
  if (!step) notFound();
  const view = await loadClientWizardView(`/setup/${path}`);
  const state = view.steps.find((s) => s.key === step.key)?.state;
  if (state === undefined || state === "locked") {
    const current = findStep(view.current);
    redirect(current ? stepHref(current) : "/setup/before-start");
  }
  return (
    <WizardHydration view={view}>
      <WizardFrame companyId={view.company.id} stepKey={step.key} lead={stepLead(step.key, view)}>
        <StepContent stepKey={step.key} view={view} />
      </WizardFrame>
    </WizardHydration>
  );
}
