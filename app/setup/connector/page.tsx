import { StepPage, stepMetadata } from "@/components/wizard/step-page";
import { ConnectorStep } from "@/components/wizard/steps/connector-step";

export const metadata = stepMetadata("connector");

/** Step 3 (new flow only): download, license and link the connector. */
export default function ConnectorPage() {
  return <StepPage stepKey="connector" Body={ConnectorStep} />;
}
