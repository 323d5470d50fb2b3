import type { Db } from "@/lib/db/client";
import { actorRef } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/passwords";
import { findStaffByEmail, insertStaff, updateStaff } from "@/lib/db/queries/staff";
import { recordEvent } from "@/lib/db/queries/events";
import { isUniqueViolation } from "@/lib/db/pg-errors";
import { toStaffView, type StaffView } from "./invite-staff";
import { createStaffAccountSchema, type CreateStaffAccountInput } from "./staff-schema";

/** What happened to the account: made now, already there and left alone, or given the new role and password. */
export type CreateStaffAccountOutcome = "created" | "unchanged" | "updated";

/** How the event log names the operator's command (it has no staff account behind it). */
const VIA = "npm run staff:create";

/**
 * An operator makes a staff account from the command line: the way to the first admin, since only
 * an admin can invite. Idempotent by email: an account that exists is left as it is, unless
 * `update` is asked, which gives it the role and password and makes it active again (its open
 * sessions end, as with any change). Each write and its event are one transaction.
 */
export async function createStaffAccount(
  db: Db,
  opts: { input: CreateStaffAccountInput; update: boolean },
): Promise<{ outcome: CreateStaffAccountOutcome; staff: StaffView }> {
  const input = createStaffAccountSchema.parse(opts.input);
  const existing = await findStaffByEmail(db, input.email);
  if (existing && !opts.update) return { outcome: "unchanged", staff: toStaffView(existing) };
  const passwordHash = await hashPassword(input.password);
  if (existing) {
    const updated = await db.transaction(async (tx) => {
      const row = await updateStaff(tx, existing.id, { role: input.role, passwordHash, active: true });
      if (!row) throw new Error(`staff account ${existing.id} vanished during the update`);
      await recordEvent(tx, {
        companyId: null,
        actor: actorRef({ type: "system" }),
        type: "staff.updated",
        data: { staffId: row.id, email: row.email, role: row.role, active: true, passwordChanged: true, via: VIA },
      });
      return row;
    });
    return { outcome: "updated", staff: toStaffView(updated) };
  }
  try {
    const created = await db.transaction(async (tx) => {
      const row = await insertStaff(tx, { email: input.email, name: input.name, role: input.role, passwordHash });
      await recordEvent(tx, {
        companyId: null,
        actor: actorRef({ type: "system" }),
        type: "staff.created",
        data: { staffId: row.id, email: row.email, role: row.role, via: VIA },
      });
      return row;
    });
    return { outcome: "created", staff: toStaffView(created) };
  } catch (err) {
    // Another run made the same account between the look-up and the insert: it exists, as asked.
    if (!isUniqueViolation(err)) throw err;
    const raced = await findStaffByEmail(db, input.email);
    if (!raced) throw err;
    return opts.update ? createStaffAccount(db, opts) : { outcome: "unchanged", staff: toStaffView(raced) };
  }
}
