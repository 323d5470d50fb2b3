"use client";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Facts, LabelledInput, LabelledSelect, SubmitButton } from "./form-bits";
import { SageUsersPanel } from "./sage-users-panel";
import { SuppliersView } from "./suppliers-view";
import type { PcControls } from "./use-simulated-pc";
import { Panel, WindowFrame } from "./window-frame";

const VERSIONS = Array.from({ length: 16 }, (_, i) => 18 + i);

/** Sage 50 Accounts on the simulated PC: logins, the Suppliers view, users, Foreign Trader, version. */
export function SageWindow({ pc }: { pc: PcControls }) {
  const { state, running, run } = pc;
  const { sage } = state;
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");

  async function logIn(e: FormEvent) {
    e.preventDefault();
    if (await run({ type: "openSage", username, password })) setPassword("");
  }

  return (
    <WindowFrame id="sage50" title={`Sage 50 Accounts – ${sage.companyName}`} icon="S" titleClass="bg-[#006b3f]">
      {sage.processingDialog ? (
        <div role="status" aria-label="Sage 50 processing" className="rounded border-2 border-slate-500 bg-white p-3 shadow-lg">
          <p className="font-semibold">Processing…</p>
          <p className="text-sm text-slate-700">
            Data is being written to Sage 50 by the connector. This closes by itself when the write is done; it stays longer for more data.
          </p>
        </div>
      ) : null}
      <Panel title="Logged in to Sage 50">
        {sage.loggedIn.length === 0 ? (
          <p className="text-slate-700">Sage 50 is closed: nobody is logged in.</p>
        ) : (
          <ul className="space-y-1">
            {sage.loggedIn.map((name) => (
              <li key={name} className="flex items-center justify-between gap-2">
                <span className="font-medium">{name}</span>
                <Button variant="secondary" className="px-2 py-1" disabled={running !== null} onClick={() => void run({ type: "closeSage", username: name })}>
                  Log out<span className="sr-only"> {name}</span>
                </Button>
              </li>
            ))}
          </ul>
        )}
        <form onSubmit={(e) => void logIn(e)} className="space-y-3" aria-label="Open Sage 50">
          <LabelledInput label="Logon name" value={username} onChange={(e) => setUsername(e.target.value)} required autoComplete="off" />
          <LabelledInput label="Sage 50 password" type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="off" />
          <SubmitButton busy={running === "openSage"}>Open Sage 50</SubmitButton>
        </form>
      </Panel>

      {sage.loggedIn.length > 0 ? (
        <SuppliersView pc={pc} />
      ) : (
        <p className="rounded-md border border-dashed border-slate-400 p-3 text-slate-700">Open Sage 50 to see the Suppliers view.</p>
      )}

      <SageUsersPanel pc={pc} />

      <Panel title="Tools › Activation">
        <div className="flex flex-wrap items-center gap-3">
          <button
            type="button"
            role="switch"
            aria-checked={sage.foreignTrader}
            disabled={running !== null}
            onClick={() => void run({ type: "setForeignTrader", enabled: !sage.foreignTrader })}
            className="inline-flex items-center gap-2 rounded border border-slate-400 bg-white px-3 py-1 font-semibold hover:bg-slate-100"
          >
            <span aria-hidden="true" className={`h-3 w-3 rounded-full ${sage.foreignTrader ? "bg-emerald-600" : "bg-slate-400"}`} />
            Foreign Trader
          </button>
          <span className="text-slate-700">{sage.foreignTrader ? "Enabled" : "Disabled"}</span>
        </div>
      </Panel>

      <Panel title="Help › About">
        <Facts
          items={[
            ["Company", sage.companyName],
            ["Version", `Sage 50 Accounts v${sage.version} (${sage.year})${sage.supportsPush ? "" : " – too old to receive data"}`],
            ["Base currency", sage.baseCurrency],
            ["Data directory", sage.dataPath],
          ]}
        />
        <LabelledSelect
          label="Sage 50 version on this PC"
          value={String(sage.version)}
          disabled={running !== null}
          onChange={(v) => void run({ type: "setSageVersion", version: Number(v) })}
        >
          {VERSIONS.map((v) => (
            <option key={v} value={v}>
              v{v} ({v + 1994 /* as sageYearForVersion */})
            </option>
          ))}
        </LabelledSelect>
      </Panel>
    </WindowFrame>
  );
}
