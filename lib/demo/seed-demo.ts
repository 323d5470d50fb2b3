import type { Db } from "@/lib/db/client";
import { findStaffByEmail, insertStaff } from "@/lib/db/queries/staff";
import { getSettings } from "@/lib/db/queries/settings";
import { hashPassword } from "@/lib/auth/passwords";
import { DEMO_STAFF } from "./demo-logins";

/** Idempotent demo data: staff accounts and settings. Companies are added by seedDemoCompanies. */
export async function seedDemoStaff(db: Db) {
  await getSettings(db);
  for (const s of DEMO_STAFF) {
    if (await findStaffByEmail(db, s.email)) continue;
    await insertStaff(db, { email: s.email, name: s.name, role: s.role, passwordHash: await hashPassword(s.password) });
  }
}
