import type { Db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { actorRef, type StaffActor } from "@/lib/auth/actor";
import { getStaffById, updateStaff } from "@/lib/db/queries/staff";
import { recordEvent } from "@/lib/db/queries/events";
import type { StaffRole } from "@/lib/db/schema/staff";
import { toStaffView, type StaffView } from "./invite-staff";

/**
 * An admin changes a staff account's role or deactivates (or reactivates) it. Any change bumps the
 * account's session version, so its open sessions end on their next request (the guard compares it).
 * Admins cannot demote or deactivate themselves, so there is always an admin left to undo a mistake.
 */
export async function updateStaffAccount(
  db: Db,
  opts: { id: string; patch: { role?: StaffRole; active?: boolean }; actor: StaffActor },
): Promise<StaffView> {
  const current = await getStaffById(db, opts.id);
  if (!current) throw notFound("That staff account");
  const changes: { role?: StaffRole; active?: boolean } = {};
  if (opts.patch.role !== undefined && opts.patch.role !== current.role) changes.role = opts.patch.role;
  if (opts.patch.active !== undefined && opts.patch.active !== current.active) changes.active = opts.patch.active;
  if (Object.keys(changes).length === 0) return toStaffView(current);
  if (current.id === opts.actor.id) {
    throw new AppError("conflict", "You cannot change your own role or deactivate your own account. Ask another admin.");
  }
  // The change and its event are written together, or neither is.
  const updated = await db.transaction(async (tx) => {
    const row = await updateStaff(tx, current.id, changes);
    if (!row) throw notFound("That staff account");
    await recordEvent(tx, {
      companyId: null,
      actor: actorRef(opts.actor),
      type: "staff.updated",
      data: { staffId: row.id, email: row.email, ...changes },
    });
    return row;
  });
  return toStaffView(updated);
}
