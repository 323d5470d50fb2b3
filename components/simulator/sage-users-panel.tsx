"use client";
import { useState, type FormEvent } from "react";
import { Badge } from "@/components/ui/badge";
import { LabelledInput, LabelledSelect, SubmitButton } from "./form-bits";
import type { PcControls } from "./use-simulated-pc";
import { Panel } from "./window-frame";

/** Settings > User Management > Users: the list, and New user (name, type, password). */
export function SageUsersPanel({ pc }: { pc: PcControls }) {
  const { state, running, run } = pc;
  const [name, setName] = useState("");
  const [userType, setUserType] = useState<"Administrator" | "Standard">("Administrator");
  const [password, setPassword] = useState("");
  const [editName, setEditName] = useState("");
  const [newPassword, setNewPassword] = useState("");
  const chosen = state.sage.users.find((u) => u.name === editName)?.name ?? state.sage.users[0]?.name ?? "";

  async function changePassword(e: FormEvent) {
    e.preventDefault();
    if (await run({ type: "changeSageUserPassword", name: chosen, password: newPassword })) setNewPassword("");
  }

  async function create(e: FormEvent) {
    e.preventDefault();
    if (await run({ type: "createSageUser", name, userType, password })) {
      setName("");
      setPassword("");
    }
  }

  return (
    <Panel title="Settings › User Management › Users">
      <table className="w-full text-left">
        <caption className="sr-only">Sage 50 users</caption>
        <thead>
          <tr className="border-b border-slate-300 text-xs uppercase text-slate-600">
            <th scope="col" className="py-1">Logon name</th>
            <th scope="col" className="py-1">Type</th>
            <th scope="col" className="py-1">Change type</th>
          </tr>
        </thead>
        <tbody>
          {state.sage.users.map((u) => (
            <tr key={u.name} className="border-b border-slate-200">
              <td className="py-1 font-medium">
                {u.name} {u.hasPassword ? null : <span className="text-xs text-slate-600">(no password)</span>}
              </td>
              <td className="py-1">
                <Badge tone={u.userType === "Administrator" ? "info" : "neutral"}>{u.userType}</Badge>
              </td>
              <td className="py-1">
                <button
                  type="button"
                  className="rounded px-2 py-1 text-xs font-semibold text-brand-700 underline hover:bg-brand-50 disabled:opacity-60"
                  disabled={running !== null || !state.poweredOn}
                  onClick={() =>
                    void run({ type: "setSageUserType", name: u.name, userType: u.userType === "Administrator" ? "Standard" : "Administrator" })
                  }
                >
                  Make {u.userType === "Administrator" ? "Standard" : "Administrator"}
                  <span className="sr-only"> ({u.name})</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form onSubmit={(e) => void create(e)} className="space-y-3 rounded border border-slate-300 bg-white p-3" aria-label="New Sage 50 user">
        <p className="text-sm font-semibold">New user</p>
        <LabelledInput label="Logon name" hint="Letters, digits and spaces; at most 32." value={name} onChange={(e) => setName(e.target.value)} required maxLength={100} autoComplete="off" />
        <LabelledSelect label="User type" value={userType} onChange={(v) => setUserType(v === "Standard" ? "Standard" : "Administrator")}>
          <option value="Administrator">Administrator</option>
          <option value="Standard">Standard</option>
        </LabelledSelect>
        <LabelledInput
          label="Password"
          hint="An Administrator must have one. This is the simulated PC, not the product."
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoComplete="new-password"
        />
        <SubmitButton busy={running === "createSageUser"} disabled={!state.poweredOn}>
          Save user
        </SubmitButton>
      </form>
      <form
        onSubmit={(e) => void changePassword(e)}
        className="space-y-3 rounded border border-slate-300 bg-white p-3"
        aria-label="Change or delete a Sage 50 user"
      >
        <p className="text-sm font-semibold">Change password or delete a user</p>
        <p className="text-xs text-slate-600">
          The connector keeps the login it saved: after changing its user&apos;s password or deleting that user, pushes fail until the
          connector is given the new login (Manage connection).
        </p>
        <LabelledSelect label="User to change" value={chosen} onChange={setEditName} disabled={state.sage.users.length === 0}>
          {state.sage.users.map((u) => (
            <option key={u.name} value={u.name}>
              {u.name}
            </option>
          ))}
        </LabelledSelect>
        <LabelledInput
          label="New password"
          type="password"
          value={newPassword}
          onChange={(e) => setNewPassword(e.target.value)}
          autoComplete="new-password"
        />
        <div className="flex flex-wrap gap-2">
          <SubmitButton busy={running === "changeSageUserPassword"} disabled={!state.poweredOn || chosen === ""}>
            Change password
          </SubmitButton>
          <button
            type="button"
            className="rounded px-3 py-2 text-sm font-semibold text-red-800 underline hover:bg-red-50 disabled:opacity-60"
            disabled={running !== null || !state.poweredOn || chosen === ""}
            onClick={() => void run({ type: "deleteSageUser", name: chosen })}
          >
            {running === "deleteSageUser" ? "Deleting…" : "Delete user"}
          </button>
        </div>
      </form>
    </Panel>
  );
}
