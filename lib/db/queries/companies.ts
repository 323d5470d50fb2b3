import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { Db } from "../client";
import { companies } from "../schema/companies";
import { setupProgress } from "../schema/progress";
import type { ConnectionStatus, SetupFlow } from "@/lib/sage/types";

export type CompanyRow = typeof companies.$inferSelect;

export async function getCompany(db: Db, id: string): Promise<CompanyRow | null> {
  const [row] = await db.select().from(companies).where(eq(companies.id, id)).limit(1);
  return row ?? null;
}

export async function findCompanyByCodatId(db: Db, codatCompanyId: string): Promise<CompanyRow | null> {
  const [row] = await db.select().from(companies).where(eq(companies.codatCompanyId, codatCompanyId)).limit(1);
  return row ?? null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The company with this Codat company id, or else with this id of ours (as `/api/v1/companies/{id}` takes it). */
export async function findCompanyByAnyId(db: Db, id: string): Promise<CompanyRow | null> {
  return (await findCompanyByCodatId(db, id)) ?? (UUID.test(id) ? await getCompany(db, id) : null);
}

export async function insertCompany(
  db: Db,
  v: {
    name: string;
    contactEmail?: string | null;
    flow: SetupFlow;
    codatCompanyId: string;
    codatConnectionId: string | null;
    connectionStatus: ConnectionStatus | null;
    linkUrl: string | null;
    createdBy: string | null;
    externalId?: string | null;
  },
) {
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(companies).values(v).returning();
    await tx.insert(setupProgress).values({ companyId: row!.id });
    return row!;
  });
}

export async function updateCompany(db: Db, id: string, patch: Partial<Omit<CompanyRow, "id" | "createdAt">>) {
  const [row] = await db.update(companies).set(patch).where(eq(companies.id, id)).returning();
  return row ?? null;
}

/** The per-company claims that throttle calls to Codat, each a timestamp column on the company. */
const CODAT_CALL_CLAIMS = {
  connection: companies.connectionCheckedAt,
  pushOperation: companies.pushOperationReadAt,
} as const;

/**
 * Claims the right to make one kind of call to Codat about this company now: one caller per interval
 * across all instances (a conditional update of the claim's timestamp).
 */
export async function claimCodatCall(db: Db, id: string, kind: keyof typeof CODAT_CALL_CLAIMS, minIntervalMs: number): Promise<boolean> {
  const column = CODAT_CALL_CLAIMS[kind];
  const rows = await db
    .update(companies)
    .set({ [kind === "connection" ? "connectionCheckedAt" : "pushOperationReadAt"]: sql`now()` })
    .where(and(eq(companies.id, id), or(isNull(column), lt(column, sql`now() - make_interval(secs => ${minIntervalMs / 1000})`))))
    .returning({ id: companies.id });
  return rows.length === 1;
}

/** Claims the right to ask Codat about this company's connection now (one caller per interval, all instances). */
export async function claimConnectionCheck(db: Db, id: string, minIntervalMs: number): Promise<boolean> {
  return claimCodatCall(db, id, "connection", minIntervalMs);
}

/**
 * Stores a connection status Codat stated at `seenAt`, unless a newer statement is stored already
 * (the row is locked while deciding, so two deliveries cannot both win). Returns the row and the
 * status it had before, or `stale` when nothing was written.
 */
export async function setConnectionStatusSeenAt(
  db: Db,
  id: string,
  status: ConnectionStatus,
  seenAt: Date,
  patch: Partial<Omit<CompanyRow, "id" | "createdAt">> = {},
): Promise<{ row: CompanyRow; from: ConnectionStatus | null; stale: boolean } | null> {
  const [current] = await db.select().from(companies).where(eq(companies.id, id)).for("update");
  if (!current) return null;
  if (current.connectionStatusAt && current.connectionStatusAt.getTime() > seenAt.getTime()) {
    return { row: current, from: current.connectionStatus, stale: true };
  }
  const [row] = await db
    .update(companies)
    .set({ ...patch, connectionStatus: status, connectionStatusAt: seenAt })
    .where(eq(companies.id, id))
    .returning();
  return { row: row ?? current, from: current.connectionStatus, stale: false };
}

export async function findCompanyByName(db: Db, name: string): Promise<CompanyRow | null> {
  const [row] = await db.select().from(companies).where(eq(companies.name, name)).limit(1);
  return row ?? null;
}
