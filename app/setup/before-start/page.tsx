import { StepPage, stepMetadata } from "@/components/wizard/step-page";
import { BeforeStartStep } from "@/components/wizard/steps/before-start-step";

export const metadata = stepMetadata("before-start");

/** Step 1: what will happen, what is needed, and handing the setup over to the Sage 50 PC. */
export default function BeforeStartPage() {
  return <StepPage stepKey="before-start" Body={BeforeStartStep} />;
}
