import type { Db } from "@/lib/db/client";
import { listStaff } from "@/lib/db/queries/staff";
import { toStaffView, type StaffView } from "./invite-staff";

/** Every staff account, by email (no password hashes, no session versions). */
export async function listStaffAccounts(db: Db): Promise<StaffView[]> {
  return (await listStaff(db)).map(toStaffView);
}
