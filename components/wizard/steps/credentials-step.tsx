import type { WizardView } from "@/lib/setup/wizard-view";
import { StepSection } from "../instruction-list";
import { ConnectorFinishInstructions } from "../connector-finish-instructions";
import { ManageConnectionInstructions } from "../manage-connection-instructions";
import { CredentialsForm } from "../credentials-form";

/**
 * Step 4. New flow: the connector's last install screens (already done once it linked), with the
 * way to fix a wrong login. Upgrade flow: swap the existing connector's login for the push user's.
 * Both: confirm the company the connector reports.
 */
export function CredentialsStep({ view }: { view: WizardView }) {
  const upgrade = view.company.flow === "upgrade";
  return (
    <>
      {upgrade ? (
        <StepSection
          id="manage-connection"
          title="In the connector, swap the login"
          description="Your connector is already installed and uses a Sage 50 login to read your data. To write data too, it must use the push user instead."
        >
          <ManageConnectionInstructions view={view} />
        </StepSection>
      ) : (
        <StepSection
          id="connector-screens"
          title="The connector's last screens"
          description="You went through these in the connector to link it. Check each one, above all that you typed the push user's login."
        >
          <ConnectorFinishInstructions view={view} start={1} />
          <details className="group rounded-xl border border-slate-200 bg-white">
            <summary className="cursor-pointer list-none rounded-xl px-5 py-4 font-semibold text-brand-700 hover:bg-slate-50">
              <span aria-hidden="true" className="mr-2 inline-block transition-transform group-open:rotate-90">
                ▸
              </span>
              Typed an everyday login, or not sure? Change it in the connector
            </summary>
            <div className="border-t border-slate-200 px-5 py-6">
              <ManageConnectionInstructions view={view} />
            </div>
          </details>
        </StepSection>
      )}

      <StepSection id="confirm-company" title="Check it is the right company" description="The connector told us which Sage 50 company it linked.">
        <CredentialsForm companyId={view.company.id} />
      </StepSection>
    </>
  );
}
