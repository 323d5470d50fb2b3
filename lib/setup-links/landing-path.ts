import { findStep } from "@/lib/sage/steps";

/** Where a setup link lands once the client is signed in: its step (a repair link), else wherever the wizard is. */
export function landingPath(link: { opensStep: string | null }): string {
  const step = link.opensStep ? findStep(link.opensStep) : null;
  return step ? `/setup/${step.path}` : "/setup";
}
