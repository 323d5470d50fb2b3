import { StepPage, stepMetadata } from "@/components/wizard/step-page";
import { CredentialsStep } from "@/components/wizard/steps/credentials-step";

export const metadata = stepMetadata("credentials");

/** Give the connector the push user's login and confirm the company it found. */
export default function CredentialsPage() {
  return <StepPage stepKey="credentials" Body={CredentialsStep} />;
}
