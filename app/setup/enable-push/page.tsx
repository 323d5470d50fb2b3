import { StepPage, stepMetadata } from "@/components/wizard/step-page";
import { EnablePushStep } from "@/components/wizard/steps/enable-push-step";

export const metadata = stepMetadata("enable-push");

/** The last step: turn on data push. */
export default function EnablePushPage() {
  return <StepPage stepKey="enable-push" Body={EnablePushStep} />;
}
