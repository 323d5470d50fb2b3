import type { WizardStepKey } from "@/lib/sage/steps";
import type { WizardView } from "@/lib/setup/wizard-view";

/** The short introduction under each step's heading. */
export function stepLead(key: WizardStepKey, view: WizardView): string {
  switch (key) {
    case "before-start":
      return `Connect ${view.company.name}'s Sage 50 so ${view.integratorName} can write data into it, checked with a real test before anything is switched on.`;
    case "push-user":
      return "A Sage 50 login that only the connector uses, so your own work in Sage 50 never blocks it.";
    case "connector":
      return `Install the small Windows program that links Sage 50 to ${view.integratorName}.`;
    case "credentials":
      return view.company.flow === "upgrade"
        ? "Switch your connector to the push user, then check it is linked to the right company."
        : "Make sure the connector uses the push user and found the right company.";
    case "test-push":
      return "One button: we write a test supplier into Sage 50 and tell you exactly what happened.";
    case "enable-push":
      return `The last step: let ${view.integratorName} send data to Sage 50.`;
  }
}
