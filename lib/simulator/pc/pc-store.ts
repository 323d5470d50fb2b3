import { and, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { verifySimPassword } from "../passwords";
import { simCompanies, simPcs, simSageSessions, simSageUsers } from "../schema";
import { SimPcError } from "./pc-errors";
import { isConnectorAvailable, nextAvailableSince, sageUserKey } from "./pc-rules";

export type PcRow = typeof simPcs.$inferSelect;
export type CompanyRow = typeof simCompanies.$inferSelect;
export type SageUserRow = typeof simSageUsers.$inferSelect;
export type PcPatch = Partial<Omit<PcRow, "companyId" | "availableSince" | "updatedAt">>;

export async function loadPc(db: Db, companyId: string): Promise<{ company: CompanyRow; pc: PcRow }> {
  const [row] = await db
    .select({ company: simCompanies, pc: simPcs })
    .from(simCompanies)
    .innerJoin(simPcs, eq(simPcs.companyId, simCompanies.id))
    .where(eq(simCompanies.id, companyId));
  if (!row) throw new SimPcError("company_not_found", `No simulated PC belongs to company ${companyId}.`);
  return row;
}

/** Writes a change to the PC, keeping `availableSince` right for push processing. */
export async function savePc(db: Db, before: PcRow, patch: PcPatch, now: Date): Promise<PcRow> {
  const after = { ...before, ...patch };
  const availableSince = nextAvailableSince(before.availableSince, isConnectorAvailable(after), now);
  const [row] = await db
    .update(simPcs)
    .set({ ...patch, availableSince, updatedAt: now })
    .where(eq(simPcs.companyId, before.companyId))
    .returning();
  if (!row) throw new SimPcError("company_not_found", `No simulated PC belongs to company ${before.companyId}.`);
  return row;
}

export function requirePcOn(pc: PcRow): void {
  if (!pc.poweredOn) throw new SimPcError("pc_off", "The PC is switched off. Switch it on first.");
}

export async function listSageUsers(db: Db, companyId: string): Promise<SageUserRow[]> {
  return db.select().from(simSageUsers).where(eq(simSageUsers.companyId, companyId)).orderBy(simSageUsers.createdAt);
}

export async function findSageUser(db: Db, companyId: string, name: string): Promise<SageUserRow | null> {
  const [row] = await db
    .select()
    .from(simSageUsers)
    .where(and(eq(simSageUsers.companyId, companyId), eq(simSageUsers.nameKey, sageUserKey(name))));
  return row ?? null;
}

/** The user when the logon name and password match, else null (without saying which was wrong). */
export async function checkSageLogin(db: Db, companyId: string, name: string, password: string): Promise<SageUserRow | null> {
  const user = await findSageUser(db, companyId, name);
  if (!user) return null;
  return (await verifySimPassword(password, user.passwordHash)) ? user : null;
}

export async function loggedInKeys(db: Db, companyId: string): Promise<Set<string>> {
  const rows = await db
    .select({ key: simSageSessions.nameKey })
    .from(simSageSessions)
    .where(eq(simSageSessions.companyId, companyId));
  return new Set(rows.map((r) => r.key));
}
