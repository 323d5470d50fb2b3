"use client";
import { useState } from "react";
import type { StaffView } from "@/lib/support/invite-staff";
import { STAFF_ROLES } from "@/lib/support/staff-schema";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/badge";
import { callApi } from "./call-api";
import { useAction } from "./use-action";
import { ActionStatus } from "./action-message";
import { ConfirmAction } from "./confirm-action";

/** One staff account: change its role, deactivate or reactivate it (any change signs it out everywhere). */
export function StaffRow({ staff, isSelf }: { staff: StaffView; isSelf: boolean }) {
  const { pending, message, run } = useAction();
  const [role, setRole] = useState(staff.role);
  const patch = (body: { role?: StaffView["role"]; active?: boolean }, done: string) =>
    run(() => callApi(`/api/staff/${staff.id}`, { method: "PATCH", body }), () => ({ tone: "success", text: done }));
  const roleId = `role-${staff.id}`;
  return (
    <tr className="align-top">
      <th scope="row" className="py-3 pr-4 font-normal">
        <span className="font-semibold text-slate-900">{staff.name}</span>
        {isSelf ? <span className="text-slate-600"> (you)</span> : null}
        <span className="block break-all text-xs text-slate-600">{staff.email}</span>
      </th>
      <td className="py-3 pr-4">{staff.active ? <Badge tone="success">Active</Badge> : <Badge tone="neutral">Deactivated</Badge>}</td>
      <td className="py-3 pr-4">
        {isSelf ? (
          <span className="capitalize">{staff.role}</span>
        ) : (
          <div className="flex items-center gap-2">
            <label htmlFor={roleId} className="sr-only">
              Role of {staff.name}
            </label>
            <select id={roleId} value={role} onChange={(e) => setRole(e.target.value as StaffView["role"])} className="rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm text-slate-900">
              {STAFF_ROLES.map((r) => (
                <option key={r} value={r}>
                  {r === "admin" ? "Admin" : "Support"}
                </option>
              ))}
            </select>
            <Button variant="secondary" className="px-3 py-1.5" disabled={pending || role === staff.role} onClick={() => patch({ role }, `${staff.name} is now ${role}; their sessions ended.`)}>
              Save role<span className="sr-only"> for {staff.name}</span>
            </Button>
          </div>
        )}
      </td>
      <td className="py-3">
        {isSelf ? (
          <span className="text-xs text-slate-600">Another admin can change your account.</span>
        ) : staff.active ? (
          <ConfirmAction
            label={`Deactivate ${staff.name}`}
            confirmLabel="Yes, deactivate"
            variant="danger"
            pending={pending}
            question={<p>Deactivate {staff.name}? They are signed out at once and cannot sign in again until reactivated.</p>}
            onConfirm={() => patch({ active: false }, `${staff.name} was deactivated and signed out.`)}
          />
        ) : (
          <Button variant="secondary" disabled={pending} onClick={() => patch({ active: true }, `${staff.name} can sign in again.`)}>
            Reactivate<span className="sr-only"> {staff.name}</span>
          </Button>
        )}
        <ActionStatus message={message} />
      </td>
    </tr>
  );
}
