import type { StaffView } from "@/lib/support/invite-staff";
import { StaffRow } from "./staff-row-client";

export function StaffTable({ staff, selfId }: { staff: StaffView[]; selfId: string | null }) {
  return (
    <div role="region" aria-labelledby="staff-caption" tabIndex={0} className="mt-4 overflow-x-auto">
      <table className="w-full min-w-[44rem] border-collapse text-left text-sm">
        <caption id="staff-caption" className="sr-only">
          Staff accounts
        </caption>
        <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-700">
          <tr>
            <th scope="col" className="py-2 pr-4 font-semibold">Person</th>
            <th scope="col" className="py-2 pr-4 font-semibold">Status</th>
            <th scope="col" className="py-2 pr-4 font-semibold">Role</th>
            <th scope="col" className="py-2 font-semibold">Access</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {staff.map((s) => (
            <StaffRow key={s.id} staff={s} isSelf={s.id === selfId} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
