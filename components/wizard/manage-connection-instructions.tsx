import type { WizardView } from "@/lib/setup/wizard-view";
import { InstructionList, Ui } from "./instruction-list";
import { IllustrationFigure } from "./illustration-figure";
import { NotEverydayLoginCallout } from "./login-callout";

/** Tray icon > Open Sage 50 connector > Manage connection: swap the saved login for the push user's. */
export function ManageConnectionInstructions({ view, start = 1 }: { view: WizardView; start?: number }) {
  const pushUsername = view.progress.pushUsername ?? view.suggestedPushUsername;
  const pictures = { integratorName: view.integratorName, pushUsername, companyName: view.company.connection.reportedCompanyName ?? view.company.name };
  return (
    <InstructionList
      start={start}
      label="Change the connector's login"
      items={[
        {
          id: "tray",
          title: (
            <>
              On the Sage 50 PC, right-click the connector&apos;s icon next to the clock and choose <Ui>Open Sage 50 connector</Ui>.
            </>
          ),
          body: <p>If you cannot see the icon, click the small ^ arrow beside the clock to show hidden icons.</p>,
          figure: <IllustrationFigure name="tray-open-connector" {...pictures} />,
        },
        {
          id: "manage",
          title: (
            <>
              Click <Ui>Manage connection</Ui> for your company file, replace the saved username and password with the push
              user&apos;s, and click <Ui>Save</Ui>.
            </>
          ),
          body: (
            <>
              <NotEverydayLoginCallout pushUsername={pushUsername} everydayUsernames={view.progress.everydayUsernames} />
              <p>If the connector says the username or password is wrong, check them (the password is case-sensitive) and save again.</p>
            </>
          ),
          figure: <IllustrationFigure name="connector-manage-connection" {...pictures} />,
        },
      ]}
    />
  );
}
