"use client";
import { useId, useState, type FormEvent } from "react";
import { Facts, LabelledInput, SubmitButton } from "./form-bits";
import type { PcControls } from "./use-simulated-pc";
import { Panel } from "./window-frame";

/** The connector's set-up: license key → data file → username and password → confirm company. */
export function ConnectorWizard({ pc }: { pc: PcControls }) {
  const { state } = pc;
  switch (state.connector.state) {
    case "not_installed":
      return state.connector.installedOnPc ? <AddConnectionStep pc={pc} /> : <InstallStep pc={pc} />;
    case "installed":
      return <DataFileStep pc={pc} />;
    case "data_file_chosen":
      return <CredentialsStep pc={pc} />;
    case "credentials_saved":
      return <ConfirmStep pc={pc} />;
    case "linked":
      return null;
  }
}

function InstallStep({ pc }: { pc: PcControls }) {
  const [licenseKey, setLicenseKey] = useState("");
  async function submit(e: FormEvent) {
    e.preventDefault();
    await pc.run({ type: "installConnector", licenseKey });
  }
  return (
    <Panel title="Step 2 of 6: Connect to Sage 50 – license key">
      <p>
        You ran <span className="font-mono">sage50-connector.exe</span> (simulated download). Enter the license key you were given with the
        download.
      </p>
      <form onSubmit={(e) => void submit(e)} className="space-y-3" aria-label="Install the connector">
        <LabelledInput label="License key" value={licenseKey} onChange={(e) => setLicenseKey(e.target.value)} required autoComplete="off" spellCheck={false} />
        <SubmitButton busy={pc.running === "installConnector"} busyText="Installing…">
          Install
        </SubmitButton>
      </form>
    </Panel>
  );
}

/** Multi-company mode: the connector already runs on this PC for another company's data file. */
function AddConnectionStep({ pc }: { pc: PcControls }) {
  const [licenseKey, setLicenseKey] = useState("");
  async function submit(e: FormEvent) {
    e.preventDefault();
    await pc.run({ type: "addConnection", licenseKey });
  }
  return (
    <Panel title="Add new connection">
      <p>
        The connector is already installed on this PC. Add a connection for this company with the license key you were given with the
        download; it gets its own data file and its own Sage 50 login.
      </p>
      <form onSubmit={(e) => void submit(e)} className="space-y-3" aria-label="Add new connection">
        <LabelledInput label="License key" value={licenseKey} onChange={(e) => setLicenseKey(e.target.value)} required autoComplete="off" spellCheck={false} />
        <SubmitButton busy={pc.running === "addConnection"} busyText="Adding…">
          Add new connection
        </SubmitButton>
      </form>
    </Panel>
  );
}

function DataFileStep({ pc }: { pc: PcControls }) {
  const [dataPath, setDataPath] = useState(pc.state.sage.dataPath);
  async function submit(e: FormEvent) {
    e.preventDefault();
    await pc.run({ type: "chooseDataFile", dataPath });
  }
  return (
    <Panel title="Steps 3 and 4 of 6: Verify and select the company data file">
      <p>Check the company file in Sage 50 first. The location below was filled in from the company you selected.</p>
      <form onSubmit={(e) => void submit(e)} className="space-y-3" aria-label="Select a company data file">
        <LabelledInput label="Data file location" value={dataPath} onChange={(e) => setDataPath(e.target.value)} required spellCheck={false} />
        <SubmitButton busy={pc.running === "chooseDataFile"}>Next</SubmitButton>
      </form>
    </Panel>
  );
}

function CredentialsStep({ pc }: { pc: PcControls }) {
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (await pc.run({ type: "saveCredentials", username, password })) setPassword("");
  }
  return (
    <Panel title="Step 5 of 6: Set your credentials">
      <p>Enter the Sage 50 username and password the connector should log in with.</p>
      <form onSubmit={(e) => void submit(e)} className="space-y-3" aria-label="Sage 50 credentials for the connector">
        <LabelledInput label="Username" value={username} onChange={(e) => setUsername(e.target.value)} required autoComplete="off" />
        <LabelledInput label="Password" type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="off" />
        <SubmitButton busy={pc.running === "saveCredentials"}>Next</SubmitButton>
      </form>
    </Panel>
  );
}

function ConfirmStep({ pc }: { pc: PcControls }) {
  const [confirmed, setConfirmed] = useState(false);
  const checkboxId = useId();
  const info = pc.state.connector.confirmation;
  async function submit(e: FormEvent) {
    e.preventDefault();
    await pc.run({ type: "confirmCompany" });
  }
  return (
    <Panel title="Step 6 of 6: Verify company data">
      {info ? (
        <Facts
          items={[
            ["Company name", info.companyName],
            ["Last transaction date", info.lastTransactionDate],
            ["Sage version", `v${info.sageVersion}`],
            ["Data directory", info.dataDirectory],
          ]}
        />
      ) : null}
      <form onSubmit={(e) => void submit(e)} className="space-y-3" aria-label="Confirm the company">
        <div className="flex items-center gap-2">
          <input id={checkboxId} type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} className="h-4 w-4" />
          <label htmlFor={checkboxId}>I confirm I want to link this company</label>
        </div>
        <SubmitButton busy={pc.running === "confirmCompany"} disabled={!confirmed}>
          Next
        </SubmitButton>
      </form>
    </Panel>
  );
}
