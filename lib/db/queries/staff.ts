import { asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../client";
import { users, type StaffRole } from "../schema/staff";

export async function findStaffByEmail(db: Db, email: string) {
  const [row] = await db.select().from(users).where(eq(users.email, email.trim().toLowerCase())).limit(1);
  return row ?? null;
}

export async function getStaffById(db: Db, id: string) {
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return row ?? null;
}

export async function listStaff(db: Db) {
  return db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, active: users.active, createdAt: users.createdAt })
    .from(users)
    .orderBy(asc(users.email));
}

export async function insertStaff(db: Db, v: { email: string; name: string; role: StaffRole; passwordHash: string }) {
  const [row] = await db
    .insert(users)
    .values({ ...v, email: v.email.trim().toLowerCase() })
    .returning();
  return row!;
}

/** Changing role or deactivating ends the account's sessions (session version bump). */
export async function updateStaff(db: Db, id: string, patch: { role?: StaffRole; active?: boolean; passwordHash?: string }) {
  const [row] = await db
    .update(users)
    .set({ ...patch, sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, id))
    .returning();
  return row ?? null;
}

/** Names of staff accounts by id, for labelling who did what (unknown ids are left out). */
export async function getStaffNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, unique));
  return new Map(rows.map((r) => [r.id, r.name]));
}
