import { and, asc, eq, inArray, or } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { verifySimPassword } from "../passwords";
import { simCompanies, simPcs, simSageSessions, simSageUsers } from "../schema";
import { SimPcError } from "./pc-errors";
import { isConnectorAvailable, nextAvailableSince, sageUserKey } from "./pc-rules";

type StoredPc = typeof simPcs.$inferSelect;
export type CompanyRow = typeof simCompanies.$inferSelect;
export type SageUserRow = typeof simSageUsers.$inferSelect;

/** The facts of the Windows PC itself, shared by every company whose data file is on it. */
const MACHINE_FIELDS = [
  "poweredOn",
  "connectorRunning",
  "connectorPaused",
  "windowsAdmin",
  "firewallBlocksConnector",
  "oneTimeSync",
] as const satisfies readonly (keyof StoredPc)[];
type MachineField = (typeof MACHINE_FIELDS)[number];
const isMachineField = (key: string): key is MachineField => (MACHINE_FIELDS as readonly string[]).includes(key);

/** A company's data file and connection, with the facts of the PC it is on. */
export type PcRow = StoredPc & {
  /** The company whose row holds the PC's facts (itself unless its data file is on another company's PC). */
  machineId: string;
  /** Every company whose data file is on this PC, this one included. */
  machineCompanyIds: string[];
  /** Whether the connector is installed on the PC (any company on it has a connection in the connector). */
  connectorOnMachine: boolean;
};
export type PcPatch = Partial<Omit<StoredPc, "companyId" | "hostCompanyId" | "availableSince" | "updatedAt">>;

async function machineRows(db: Db, machineId: string): Promise<StoredPc[]> {
  return db
    .select()
    .from(simPcs)
    .where(or(eq(simPcs.companyId, machineId), eq(simPcs.hostCompanyId, machineId)))
    .orderBy(asc(simPcs.companyId));
}

function onMachine(own: StoredPc, rows: readonly StoredPc[]): PcRow {
  const machineId = own.hostCompanyId ?? own.companyId;
  const host = rows.find((r) => r.companyId === machineId) ?? own;
  const machine = Object.fromEntries(MACHINE_FIELDS.map((f) => [f, host[f]])) as Pick<StoredPc, MachineField>;
  return {
    ...own,
    ...machine,
    machineId,
    machineCompanyIds: rows.map((r) => r.companyId),
    connectorOnMachine: rows.some((r) => r.connectorState !== "not_installed"),
  };
}

export async function loadPc(db: Db, companyId: string): Promise<{ company: CompanyRow; pc: PcRow }> {
  const [row] = await db
    .select({ company: simCompanies, pc: simPcs })
    .from(simCompanies)
    .innerJoin(simPcs, eq(simPcs.companyId, simCompanies.id))
    .where(eq(simCompanies.id, companyId));
  if (!row) throw new SimPcError("company_not_found", `No simulated PC belongs to company ${companyId}.`);
  return { company: row.company, pc: onMachine(row.pc, await machineRows(db, row.pc.hostCompanyId ?? row.pc.companyId)) };
}

/**
 * Writes a change: the PC's facts to the machine's row, the rest to the company's own row; then keeps
 * `availableSince` right, for push processing, of every company on the PC.
 */
export async function savePc(db: Db, before: PcRow, patch: PcPatch, now: Date): Promise<void> {
  const own: PcPatch = {};
  const machine: PcPatch = {};
  for (const [key, value] of Object.entries(patch)) Object.assign(isMachineField(key) ? machine : own, { [key]: value });
  if (Object.keys(own).length > 0) {
    await db.update(simPcs).set({ ...own, updatedAt: now }).where(eq(simPcs.companyId, before.companyId));
  }
  if (Object.keys(machine).length > 0) {
    await db.update(simPcs).set({ ...machine, updatedAt: now }).where(eq(simPcs.companyId, before.machineId));
  }
  await refreshAvailability(db, before.machineId, now);
}

/** Recomputes `availableSince` of every company on the PC whose facts are in `machineId`'s row. */
export async function refreshAvailability(db: Db, machineId: string, now: Date): Promise<void> {
  const rows = await machineRows(db, machineId);
  for (const row of rows) {
    const since = nextAvailableSince(row.availableSince, isConnectorAvailable(onMachine(row, rows)), now);
    if (since?.getTime() === row.availableSince?.getTime()) continue;
    await db.update(simPcs).set({ availableSince: since }).where(eq(simPcs.companyId, row.companyId));
  }
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

/** Ends every Sage 50 session on the PC (each company's data file). */
export async function closeAllSageOnMachine(db: Db, pc: PcRow): Promise<void> {
  await db.delete(simSageSessions).where(inArray(simSageSessions.companyId, pc.machineCompanyIds));
}
