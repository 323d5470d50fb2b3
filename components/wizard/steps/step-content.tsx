import type { ReactNode } from "react";
import type { WizardStepKey } from "@/lib/sage/steps";
import type { WizardView } from "@/lib/setup/wizard-view";
import { BeforeStartStep } from "./before-start-step";
import { PushUserStep } from "./push-user-step";
import { ConnectorStep } from "./connector-step";
import { CredentialsStep } from "./credentials-step";
import { TestPushStep } from "./test-push-step";
import { EnablePushStep } from "./enable-push-step";

/** The short introduction under each step's heading. */
export function stepLead(key: WizardStepKey, view: WizardView): ReactNode {
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

/** The body of one step. */
export function StepContent({ stepKey, view }: { stepKey: WizardStepKey; view: WizardView }) {
  switch (stepKey) {
    case "before-start":
      return <BeforeStartStep view={view} />;
    case "push-user":
      return <PushUserStep view={view} />;
    case "connector":
      return <ConnectorStep view={view} />;
    case "credentials":
      return <CredentialsStep view={view} />;
    case "test-push":
      return <TestPushStep view={view} />;
    case "enable-push":
      return <EnablePushStep view={view} />;
  }
}
