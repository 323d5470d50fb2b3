"use client";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { ConnectorTray } from "./connector-tray";
import { ConnectorWizard } from "./connector-wizard";
import type { PcControls } from "./use-simulated-pc";
import { Panel, WindowFrame } from "./window-frame";

const STATE_LABEL = {
  not_installed: "Not installed",
  installed: "Installed: select the data file",
  data_file_chosen: "Installed: enter credentials",
  credentials_saved: "Installed: confirm the company",
  linked: "Linked",
} as const;

const PUSH_TONE: Record<string, BadgeTone> = { Pending: "warning", Success: "success", Failed: "error", TimedOut: "error" };

/** The Codat Sage 50 connector window: its status, the set-up wizard, the tray menu and recent writes. */
export function ConnectorWindow({ pc }: { pc: PcControls }) {
  const { connector, connections, recentPushes } = pc.state;
  const installed = connector.installedOnPc;
  const { sharedWith } = pc.state;
  const connection = connections.at(-1);
  return (
    <WindowFrame id="connector" title="Sage 50 connector" icon="C">
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone={connector.state === "linked" ? "success" : "neutral"}>
          {installed && connector.state === "not_installed" ? "Installed: add a connection" : STATE_LABEL[connector.state]}
        </Badge>
        {installed ? <Badge tone={connector.running ? "success" : "error"}>{connector.running ? "Running" : "Stopped"}</Badge> : null}
        {installed && connector.running && connector.paused ? <Badge tone="warning">Paused</Badge> : null}
        {connection ? <Badge tone={connection.status === "Linked" ? "success" : "warning"}>Codat: {connection.status}</Badge> : null}
      </div>
      {sharedWith.length > 0 ? (
        <p>
          This PC also holds the Sage 50 data {sharedWith.length === 1 ? "file" : "files"} of {sharedWith.map((c) => c.name).join(", ")}: one
          connector, one connection per company.
        </p>
      ) : null}
      {installed && !connector.running ? (
        <p className="rounded border border-amber-400 bg-amber-50 p-2">The connector is stopped: it takes no work until it is started.</p>
      ) : null}
      {installed && pc.state.firewallBlocksConnector ? (
        <p className="rounded border border-red-400 bg-red-50 p-2">Cannot reach Codat: the firewall blocks the connector&apos;s connection.</p>
      ) : null}
      {installed && connector.running && connector.paused ? (
        <p className="rounded border border-amber-400 bg-amber-50 p-2">The connector is paused: it syncs and writes nothing until it is resumed.</p>
      ) : null}
      {connector.state === "linked" && !connector.savedLoginWorks ? (
        <p role="status" className="rounded border border-red-400 bg-red-50 p-2">
          Sage 50 no longer accepts the login saved in the connector ({connector.savedUsername}): its password was changed or the user was
          deleted. Enter the current login through Manage connection.
        </p>
      ) : null}
      <ConnectorWizard pc={pc} />
      {installed ? <ConnectorTray pc={pc} /> : null}
      <Panel title="Recent writes">
        {recentPushes.length === 0 ? (
          <p className="text-slate-700">Nothing has been written yet.</p>
        ) : (
          <ul className="space-y-2">
            {recentPushes.map((p) => (
              <li key={p.key} className="rounded border border-slate-200 bg-white p-2">
                <div className="flex flex-wrap items-center gap-2">
                  <Badge tone={PUSH_TONE[p.status] ?? "neutral"}>{p.status}</Badge>
                  <span className="font-mono text-xs">{p.supplierId ?? p.key.slice(0, 8)}</span>
                  <time dateTime={p.requestedOn} className="text-xs text-slate-600">
                    {p.requestedOn.slice(11, 19)} UTC
                  </time>
                </div>
                {p.errorMessage ? <p className="mt-1 text-xs text-red-800">{p.errorMessage}</p> : null}
              </li>
            ))}
          </ul>
        )}
      </Panel>
    </WindowFrame>
  );
}
