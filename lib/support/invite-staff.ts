import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { actorRef, type StaffActor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/passwords";
import { findStaffByEmail, insertStaff } from "@/lib/db/queries/staff";
import { recordEvent } from "@/lib/db/queries/events";
import type { StaffRole } from "@/lib/db/schema/staff";
import { generateOneTimePassword } from "./one-time-password";
import { isUniqueViolation } from "@/lib/db/pg-errors";

export type StaffView = { id: string; email: string; name: string; role: StaffRole; active: boolean; createdAt: string };

/**
 * An admin creates a staff account. The server makes a one-time password, returns it once for the
 * admin to hand over, and keeps only its scrypt hash.
 */
export async function inviteStaff(
  db: Db,
  opts: { input: { name: string; email: string; role: StaffRole }; actor: StaffActor },
): Promise<{ staff: StaffView; oneTimePassword: string }> {
  if (await findStaffByEmail(db, opts.input.email)) throw emailTaken();
  const oneTimePassword = generateOneTimePassword();
  // Hashed before the transaction: scrypt takes a while, and a transaction should not wait on it.
  const passwordHash = await hashPassword(oneTimePassword);
  try {
    // The account and its "invited" event are written together, or neither is.
    const row = await db.transaction(async (tx) => {
      const inserted = await insertStaff(tx, { ...opts.input, passwordHash });
      await recordEvent(tx, {
        companyId: null,
        actor: actorRef(opts.actor),
        type: "staff.invited",
        data: { staffId: inserted.id, email: inserted.email, role: inserted.role },
      });
      return inserted;
    });
    return { staff: toStaffView(row), oneTimePassword };
  } catch (err) {
    if (isUniqueViolation(err)) throw emailTaken();
    throw err;
  }
}

export function toStaffView(row: { id: string; email: string; name: string; role: StaffRole; active: boolean; createdAt: Date }): StaffView {
  return { id: row.id, email: row.email, name: row.name, role: row.role, active: row.active, createdAt: row.createdAt.toISOString() };
}

function emailTaken() {
  return new AppError("conflict", "A staff account with this email address already exists.", {
    details: { fields: [{ path: "email", message: "A staff account with this email address already exists." }] },
  });
}

