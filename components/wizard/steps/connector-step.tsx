import type { WizardView } from "@/lib/setup/wizard-view";
import { CONNECTOR_ADMIN_RIGHTS, CONNECTOR_FIREWALL, CONNECTOR_FOLDER, connectorInstallerFileName } from "@/lib/sage/help-words";
import { INSTALL_NEEDS_ADMIN_HELP_SLUG } from "@/lib/sage/help-slugs";
import { helpSlugFor } from "@/lib/sage/help-topics";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { InstructionList, StepSection, Ui } from "../instruction-list";
import { IllustrationFigure } from "../illustration-figure";
import { CopyButton } from "../copy-button";
import { HelpLink } from "../help-link";
import { ConnectorStatus } from "../connector-status";
import { ConnectorFinishInstructions } from "../connector-finish-instructions";

/** Step 3 (new flow): download, license and link the connector, watching the connection live. */
export function ConnectorStep({ view }: { view: WizardView }) {
  const { linkUrl, licenseKey } = view.company.connection;
  const pictures = { integratorName: view.integratorName, pushUsername: view.progress.pushUsername ?? view.suggestedPushUsername };
  return (
    <>
      <ConnectorStatus companyId={view.company.id} />

      <StepSection
        id="install"
        title="Download and install the connector"
        description="On the Windows PC where Sage 50 runs. The connector is a small program that passes data between Sage 50 and us."
      >
        <InstructionList
          label="Download and install the connector"
          items={[
            {
              id: "download",
              title: "Download the connector and open the installer.",
              body: (
                <>
                  {linkUrl ? (
                    <a href={linkUrl} target="_blank" rel="noopener noreferrer" className={buttonClass("primary", "px-5 py-3 text-base")}>
                      <DownloadIcon /> Download the connector<span className="sr-only"> (opens in a new tab)</span>
                    </a>
                  ) : (
                    <Alert tone="warning" title="The download is not ready yet">
                      Refresh this page in a minute. If the button still does not appear, contact support.
                    </Alert>
                  )}
                  <p className="text-sm">
                    Codat names the file after {view.integratorName}, with any symbols turned into dashes, so look for{" "}
                    <span className="font-mono">{connectorInstallerFileName(view.integratorName)}</span> or a name close to it. Open it
                    from your browser&apos;s downloads.
                  </p>
                  <p className="text-sm">
                    {CONNECTOR_ADMIN_RIGHTS}{" "}
                    <HelpLink slug={INSTALL_NEEDS_ADMIN_HELP_SLUG}>What to do without administrator rights</HelpLink>
                  </p>
                </>
              ),
              figure: <IllustrationFigure name="connector-download" {...pictures} />,
            },
            {
              id: "license",
              title: (
                <>
                  Paste your license key and click <Ui>Install</Ui>.
                </>
              ),
              body: (
                <>
                  <div className="rounded-lg border border-slate-300 bg-slate-50 p-4">
                    <p className="text-sm font-semibold text-slate-600">Your license key</p>
                    <p
                      className="mt-1 font-mono text-xl font-bold tracking-wide text-slate-900 [overflow-wrap:anywhere] sm:text-2xl"
                      data-testid="license-key"
                    >
                      {licenseKey}
                    </p>
                    <CopyButton value={licenseKey} label="license key" className="mt-3" />
                  </div>
                  <p className="text-sm">If the installer says the key is not valid, copy it again with the button: all of it, with no spaces.</p>
                </>
              ),
              figure: <IllustrationFigure name="connector-license-key" {...pictures} licenseKey={view.company.connection.licenseKey} />,
            },
          ]}
        />
        <Alert tone="info" title="If a firewall guards the PC">
          {CONNECTOR_FIREWALL}{" "}
          <HelpLink slug={helpSlugFor("connector_blocked_by_firewall")}>When a firewall blocks the connector</HelpLink>
        </Alert>
        <Alert tone="warning" title="If your antivirus stops the connector">
          Some antivirus programs mistake the connector for a threat. Allow it, and add the folder{" "}
          <span className="font-mono font-semibold">{CONNECTOR_FOLDER}</span> to the antivirus exclusions (or ask whoever looks after
          your PC to do it).
        </Alert>
      </StepSection>

      <StepSection
        id="finish-install"
        title="Finish the connector's setup"
        description="The installer then asks a few questions. Your company is linked once you confirm it; this page then moves on by itself."
      >
        <ConnectorFinishInstructions view={view} start={3} />
      </StepSection>
    </>
  );
}

function DownloadIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" width="18" height="18" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
      <path d="M10 3v10M5.5 8.5L10 13l4.5-4.5M4 17h12" />
    </svg>
  );
}
