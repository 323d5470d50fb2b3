import { StepPage, stepMetadata } from "@/components/wizard/step-page";
import { PushUserStep } from "@/components/wizard/steps/push-user-step";

export const metadata = stepMetadata("push-user");

/** Step 2: create the push user in Sage 50, then tell the wizard its username. */
export default function PushUserPage() {
  return <StepPage stepKey="push-user" Body={PushUserStep} />;
}
