import { stepsForFlow, type WizardStep, type WizardStepKey } from "@/lib/sage/steps";
import type { SetupFlow } from "@/lib/sage/types";

const SETUP_BASE = "/setup";
export const HEALTH_PATH = "/setup/health";

export function stepHref(step: Pick<WizardStep, "path">): string {
  return `${SETUP_BASE}/${step.path}`;
}

/** The step before and after `key` in this flow, and its position (1-based). */
export function stepNeighbours(flow: SetupFlow, key: WizardStepKey) {
  const steps = stepsForFlow(flow);
  const index = steps.findIndex((s) => s.key === key);
  return {
    steps,
    index,
    number: index + 1,
    total: steps.length,
    step: steps[index] ?? null,
    previous: index > 0 ? (steps[index - 1] ?? null) : null,
    next: index >= 0 ? (steps[index + 1] ?? null) : null,
  };
}

/** Where to go once `key` is saved: the next step of the flow. */
export function nextStepHref(flow: SetupFlow, key: WizardStepKey): string {
  const { next } = stepNeighbours(flow, key);
  return next ? stepHref(next) : HEALTH_PATH;
}
