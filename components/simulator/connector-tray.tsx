"use client";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Facts, LabelledInput, SubmitButton } from "./form-bits";
import type { PcControls } from "./use-simulated-pc";
import { Panel } from "./window-frame";

/** The tray icon's menu: Manage connection, License, Pause/Resume, Stop/Start, Uninstall. */
export function ConnectorTray({ pc }: { pc: PcControls }) {
  const { state, running, run } = pc;
  const { connector } = state;
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [confirmUninstall, setConfirmUninstall] = useState(false);

  async function manage(e: FormEvent) {
    e.preventDefault();
    if (await run({ type: "manageConnection", username, password })) {
      setUsername("");
      setPassword("");
    }
  }

  return (
    <>
      {connector.state === "linked" ? (
        <Panel title="Manage connection">
          <Facts items={[["Company data file", connector.dataPath ?? "–"], ["Saved username", connector.savedUsername ?? "–"]]} />
          <form onSubmit={(e) => void manage(e)} className="space-y-3" aria-label="Change the saved credentials">
            <LabelledInput label="New username" value={username} onChange={(e) => setUsername(e.target.value)} required autoComplete="off" />
            <LabelledInput label="New password" type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="off" />
            <SubmitButton busy={running === "manageConnection"} disabled={!connector.running}>
              Save credentials
            </SubmitButton>
          </form>
        </Panel>
      ) : null}
      <Panel title="Tray menu">
        <Facts items={[["License key", <span key="k" className="font-mono">{connector.licenseKey ?? "–"}</span>]]} />
        <div className="flex flex-wrap gap-2">
          {connector.state === "linked" && connector.running ? (
            connector.paused ? (
              <Button variant="secondary" disabled={running !== null} onClick={() => void run({ type: "resumeConnector" })}>
                Resume connector
              </Button>
            ) : (
              <Button variant="secondary" disabled={running !== null} onClick={() => void run({ type: "pauseConnector" })}>
                Pause connector
              </Button>
            )
          ) : null}
          {connector.running ? (
            <Button variant="secondary" disabled={running !== null} onClick={() => void run({ type: "stopConnector" })}>
              Stop connector
            </Button>
          ) : (
            <Button variant="secondary" disabled={running !== null} onClick={() => void run({ type: "startConnector" })}>
              Start connector
            </Button>
          )}
          {confirmUninstall ? null : (
            <Button variant="danger" disabled={running !== null} onClick={() => setConfirmUninstall(true)}>
              Uninstall…
            </Button>
          )}
        </div>
        {confirmUninstall ? (
          <div role="group" aria-label="Confirm uninstall" className="space-y-2 rounded border border-red-300 bg-red-50 p-3">
            <p>Uninstall the connector? A linked company becomes Deauthorized.</p>
            <div className="flex gap-2">
              <Button
                variant="danger"
                disabled={running !== null}
                onClick={() => void run({ type: "uninstallConnector" }).then(() => setConfirmUninstall(false))}
              >
                Uninstall
              </Button>
              <Button variant="secondary" onClick={() => setConfirmUninstall(false)}>
                Cancel
              </Button>
            </div>
          </div>
        ) : null}
      </Panel>
    </>
  );
}
