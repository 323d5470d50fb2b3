import type { WizardView } from "@/lib/setup/wizard-view";
import { InstructionList, Ui } from "./instruction-list";
import { IllustrationFigure } from "./illustration-figure";
import { NotEverydayLoginCallout } from "./login-callout";

/**
 * The connector installer's last screens (new flow): data file, the push user's login, confirm the
 * company. Shown on the connector step (the connection links only after them) and the credentials step.
 */
export function ConnectorFinishInstructions({ view, start }: { view: WizardView; start: number }) {
  const pushUsername = view.progress.pushUsername ?? view.suggestedPushUsername;
  const pictures = { integratorName: view.integratorName, pushUsername, companyName: view.company.connection.reportedCompanyName ?? view.company.name };
  return (
    <InstructionList
      start={start}
      label="Finish the connector's setup"
      items={[
        {
          id: "verify",
          title: (
            <>
              In Sage 50, check where your company data is: <Ui>Help</Ui> &gt; <Ui>About</Ui>.
            </>
          ),
          body: <p>The window lists the data directory of the company that is open. Keep it in mind for the next screen.</p>,
        },
        {
          id: "data-file",
          title: "In the connector, choose your company data file.",
          body: (
            <p>
              The connector fills in the path itself. Check it matches the data directory from Sage 50, then click <Ui>Next</Ui>. If the
              connector says the company cannot be found, paste the path from Help &gt; About.
            </p>
          ),
          figure: <IllustrationFigure name="connector-data-file" {...pictures} />,
        },
        {
          id: "credentials",
          title: "Enter the push user's username and password.",
          body: (
            <>
              <NotEverydayLoginCallout pushUsername={pushUsername} everydayUsernames={view.progress.everydayUsernames} />
              <p>If the connector says the username or password is wrong, check them (the password is case-sensitive) and try again.</p>
            </>
          ),
          figure: <IllustrationFigure name="connector-credentials" {...pictures} />,
        },
        {
          id: "confirm",
          title: "Check the company details and click Confirm.",
          body: (
            <p>
              The connector shows the company name, the last transaction date, your Sage 50 version and the data directory. Once you
              confirm, the connector links your company and starts its first sync (a few minutes; up to 30 for a large company).
            </p>
          ),
          figure: <IllustrationFigure name="connector-confirm-company" {...pictures} />,
        },
      ]}
    />
  );
}
