import Link from "next/link";
import type { StepState, WizardStep, WizardStepKey } from "@/lib/sage/steps";
import { stepHref } from "./step-paths";

type Item = { step: WizardStep; state: StepState };

const stateWords: Record<StepState, string> = { done: "done", current: "to do now", locked: "not available yet" };

/**
 * The steps as an ordered list: done and current steps are links, later ones are plain text.
 * The step on screen carries aria-current="step". On narrow screens only the numbers show.
 */
export function WizardStepper({ items, shownKey }: { items: Item[]; shownKey: WizardStepKey }) {
  return (
    <nav aria-label="Setup steps">
      <ol className="flex gap-2 lg:flex-col lg:gap-1">
        {items.map(({ step, state }, i) => {
          const shown = step.key === shownKey;
          const marker = (
            <span
              aria-hidden="true"
              className={`grid h-8 w-8 shrink-0 place-items-center rounded-full text-sm font-bold ${
                state === "done"
                  ? "bg-emerald-700 text-white"
                  : state === "current"
                    ? "bg-brand-600 text-white"
                    : "border-2 border-slate-300 bg-white text-slate-600"
              } ${shown ? "ring-4 ring-brand-100" : ""}`}
            >
              {state === "done" ? <CheckIcon /> : i + 1}
            </span>
          );
          const label = (
            <span className="sr-only lg:not-sr-only lg:flex lg:flex-col">
              <span className={`text-sm ${shown ? "font-bold text-slate-900" : "font-medium text-slate-800"}`}>{step.title}</span>
              <span className="text-xs text-slate-600">
                <span className="sr-only">, </span>
                {stateWords[state]}
              </span>
            </span>
          );
          const rowClass = `flex items-center gap-3 rounded-lg p-1 lg:px-2 lg:py-2 ${shown ? "lg:bg-brand-50" : ""}`;
          return (
            <li key={step.key} className="min-w-0">
              {state === "locked" ? (
                <span className={`${rowClass} cursor-default`}>
                  {marker}
                  {label}
                </span>
              ) : (
                <Link href={stepHref(step)} aria-current={shown ? "step" : undefined} className={`${rowClass} hover:bg-slate-100`}>
                  {marker}
                  {label}
                </Link>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

function CheckIcon() {
  return (
    <svg viewBox="0 0 20 20" width="16" height="16" fill="none" stroke="currentColor" strokeWidth="3" strokeLinecap="round" strokeLinejoin="round">
      <path d="M4 10.5l4 4 8-9" />
    </svg>
  );
}
