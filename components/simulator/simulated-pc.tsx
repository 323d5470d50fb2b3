"use client";
import type { PcState } from "@/lib/simulator/pc/pc-state";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConnectorWindow } from "./connector-window";
import { SageWindow } from "./sage-window";
import { useSimulatedPc } from "./use-simulated-pc";

/** The simulated Windows PC: a desktop with Sage 50 and the connector, and a taskbar with the power button. */
export function SimulatedPc({ initialState }: { initialState: PcState }) {
  const pc = useSimulatedPc(initialState);
  const { state, result, running, run } = pc;

  return (
    <div className="space-y-4">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <p className="text-sm font-semibold uppercase tracking-wide text-amber-800">Simulator</p>
          <h1 className="text-2xl font-bold text-slate-900">Simulated PC: {state.codatCompanyName}</h1>
          <p className="mt-1 max-w-3xl text-slate-700">
            This page plays the client&apos;s Windows PC, with Sage 50 and the Codat connector on it. Nothing here is real and it is not
            part of the product: passwords typed here only unlock the simulated Sage 50.
          </p>
        </div>
        <Badge tone="warning">Simulated PC</Badge>
      </header>

      <div role="status" aria-live="polite" aria-atomic="true" className="min-h-6">
        {result ? (
          <p className={`rounded-md border px-3 py-2 text-sm font-medium ${result.tone === "success" ? "border-emerald-600/40 bg-emerald-50 text-emerald-900" : "border-red-600/40 bg-red-50 text-red-900"}`}>
            {result.tone === "error" ? "Refused: " : ""}
            {result.text}
          </p>
        ) : null}
      </div>

      <div className="overflow-hidden rounded-xl border-4 border-slate-800 shadow-2xl">
        {state.poweredOn ? (
          <div className="grid gap-4 bg-gradient-to-br from-sky-700 to-indigo-900 p-4 lg:grid-cols-2">
            <SageWindow pc={pc} />
            <ConnectorWindow pc={pc} />
          </div>
        ) : (
          <div className="grid min-h-72 place-items-center bg-black p-8 text-center text-slate-200">
            <div className="space-y-3">
              <p className="text-lg font-semibold">The PC is switched off.</p>
              <p className="text-sm text-slate-300">Pushes wait, and time out if it stays off too long.</p>
            </div>
          </div>
        )}
        <div className="flex flex-wrap items-center justify-between gap-3 bg-slate-900 px-3 py-2 text-sm text-slate-100">
          <Button
            variant={state.poweredOn ? "danger" : "primary"}
            disabled={running !== null}
            onClick={() => void run({ type: state.poweredOn ? "powerOff" : "powerOn" })}
          >
            {state.poweredOn ? "Shut down the PC" : "Switch the PC on"}
          </Button>
          <Button
            variant="secondary"
            aria-pressed={state.windowsAdmin}
            disabled={running !== null || !state.poweredOn}
            onClick={() => void run({ type: "setWindowsAdmin", enabled: !state.windowsAdmin })}
          >
            Windows administrator rights: {state.windowsAdmin ? "yes" : "no"}
          </Button>
          <Button
            variant="secondary"
            aria-pressed={state.firewallBlocksConnector}
            disabled={running !== null}
            onClick={() => void run({ type: "setFirewallBlocksConnector", enabled: !state.firewallBlocksConnector })}
          >
            Firewall blocks the connector: {state.firewallBlocksConnector ? "yes" : "no"}
          </Button>
          <Button
            variant="secondary"
            aria-pressed={state.oneTimeSync}
            disabled={running !== null}
            onClick={() => void run({ type: "setOneTimeSync", enabled: !state.oneTimeSync })}
          >
            Codat set-up option: {state.oneTimeSync ? "one-time sync" : "install"}
          </Button>
          <p>
            <span className="sr-only">Notification area: </span>
            Connector{" "}
            {!state.connector.installedOnPc ? "not installed" : state.connector.running ? "running" : "stopped"}
            {state.connector.available ? " · ready to write" : ""}
          </p>
        </div>
      </div>
    </div>
  );
}
