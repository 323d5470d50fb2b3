import type { Db } from "@/lib/db/client";
import { findStaffByEmail } from "@/lib/db/queries/staff";
import { DUMMY_HASH, verifyPassword } from "./passwords";

/**
 * Checks a staff email and password. Always runs one scrypt comparison, so the time taken does not
 * reveal whether the account exists; returns null for every kind of refusal (the UI says only
 * "wrong email or password").
 */
export async function verifyStaffCredentials(db: Db, input: { email: string; password: string; ip: string }) {
  const user = await findStaffByEmail(db, input.email);
  const ok = await verifyPassword(input.password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok || !user.active) return null;
  return user;
}
