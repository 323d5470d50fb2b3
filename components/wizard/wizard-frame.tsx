"use client";
import type { ReactNode } from "react";
import type { WizardStepKey } from "@/lib/sage/steps";
import { ButtonLink } from "@/components/ui/button";
import { Badge } from "@/components/ui/badge";
import { StepHeading } from "./step-heading";
import { WizardStepper } from "./wizard-stepper";
import { WizardHelpFooter } from "./wizard-help-footer";
import { stepHref, stepNeighbours } from "./step-paths";
import { useWizardView } from "./use-wizard-view";
import { useEmbedWizardEvents } from "@/components/embed/use-embed-wizard-events";

/**
 * Everything around one step: the company, the stepper, the step's heading, Back and Next, and help.
 * Reads the live wizard state, so the stepper follows saves and polls without a reload.
 */
export function WizardFrame({ companyId, stepKey, lead, children }: { companyId: string; stepKey: WizardStepKey; lead?: ReactNode; children: ReactNode }) {
  const { view } = useWizardView(companyId);
  useEmbedWizardEvents(view, stepKey);
  const nav = stepNeighbours(view.company.flow, stepKey);
  const states = new Map(view.steps.map((s) => [s.key, s.state]));
  const items = nav.steps.map((step) => ({ step, state: states.get(step.key) ?? ("locked" as const) }));
  const done = states.get(stepKey) === "done";
  // The last step has its own way on (to connection health) once done.
  const showNext = done && nav.next !== null;

  return (
    <div>
      <header className="mb-6 flex flex-wrap items-end justify-between gap-3">
        <div>
          <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">Sage 50 data push setup</p>
          <p className="mt-1 text-xl font-bold text-slate-900">{view.company.name}</p>
        </div>
        <p className="flex max-w-md items-center gap-2 text-sm text-slate-700">
          <SavedIcon />
          <span>Your progress is saved after every step. Close this page whenever you like and carry on later, on any device.</span>
        </p>
      </header>

      <div className="grid gap-6 lg:grid-cols-[17rem_minmax(0,1fr)] lg:items-start">
        <aside className="rounded-xl border border-slate-200 bg-white p-3 shadow-sm lg:sticky lg:top-4">
          <WizardStepper items={items} shownKey={stepKey} />
        </aside>

        <div className="min-w-0">
          <article aria-labelledby="step-heading" className="rounded-xl border border-slate-200 bg-white shadow-sm">
            <div className="border-b border-slate-200 px-5 py-5 sm:px-8">
              <p className="flex flex-wrap items-center gap-2 text-sm font-semibold text-slate-600">
                <span>
                  Step {nav.number} of {nav.total}
                </span>
                {done ? <Badge tone="success">Done</Badge> : null}
              </p>
              <div className="mt-1">
                <StepHeading stepKey={stepKey}>{nav.step?.title ?? "Setup"}</StepHeading>
              </div>
              {lead ? <div className="mt-2 max-w-3xl text-slate-700">{lead}</div> : null}
            </div>
            <div className="space-y-10 px-5 py-6 sm:px-8 sm:py-8">{children}</div>
            {nav.previous || showNext ? (
            <div className="flex flex-wrap items-center justify-between gap-3 border-t border-slate-200 px-5 py-4 sm:px-8">
              {nav.previous ? (
                <ButtonLink href={stepHref(nav.previous)} variant="secondary">
                  <span aria-hidden="true">←</span> Back<span className="sr-only">: {nav.previous.title}</span>
                </ButtonLink>
              ) : (
                <span />
              )}
              {showNext && nav.next ? (
                <ButtonLink href={stepHref(nav.next)}>
                  Next: {nav.next.title} <span aria-hidden="true">→</span>
                </ButtonLink>
              ) : null}
            </div>
            ) : null}
          </article>
          <WizardHelpFooter supportContact={view.supportContact} integratorName={view.integratorName} />
        </div>
      </div>
    </div>
  );
}

function SavedIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" width="20" height="20" className="shrink-0 text-emerald-700" fill="none" stroke="currentColor" strokeWidth="2">
      <path d="M5 3h8l3 3v11H4V3z" strokeLinejoin="round" />
      <path d="M7 3v4h6V3M7 17v-5h6v5" strokeLinejoin="round" />
    </svg>
  );
}
