import type { WizardView } from "@/lib/setup/wizard-view";
import { SAGE_PROCESSING_DIALOG } from "@/lib/sage/help-words";
import { PROCESSING_DIALOG_HELP_SLUG } from "@/lib/sage/help-slugs";
import { HelpLink } from "../help-link";
import { StepSection } from "../instruction-list";
import { TestPushPanel } from "../test-push/test-push-panel";

/** Step 5: the verified test push. */
export function TestPushStep({ view }: { view: WizardView }) {
  return (
    <StepSection
      id="test-push"
      title="Prove that data reaches Sage 50"
      description={
        <>
          Reading from Sage 50 can work while writing does not, so we check writing for real. The test record is a supplier whose name
          says it is a test, easy to find and delete. Data push can only be turned on once a test push has worked.
        </>
      }
    >
      <TestPushPanel companyId={view.company.id} place="wizard" />
      <p className="text-sm text-slate-700">
        {SAGE_PROCESSING_DIALOG} <HelpLink slug={PROCESSING_DIALOG_HELP_SLUG}>About the processing dialog</HelpLink>
      </p>
    </StepSection>
  );
}
