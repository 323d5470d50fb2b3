import { StepPage, stepMetadata } from "@/components/wizard/step-page";
import { TestPushStep } from "@/components/wizard/steps/test-push-step";

export const metadata = stepMetadata("test-push");

/** The verified test push. */
export default function TestPushPage() {
  return <StepPage stepKey="test-push" Body={TestPushStep} />;
}
