import { randomUUID } from "node:crypto";
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { defaultDataPath, SAGE_DEFAULT_VERSION, SAGE_MANAGER_USER, sageUserKey } from "./pc/pc-rules";
import { simCompanies, simConnections, simPcs, simSageUsers } from "./schema";

type CompanyRow = typeof simCompanies.$inferSelect;
type ConnectionRow = typeof simConnections.$inferSelect;

export type NewSimCompany = {
  name: string;
  description?: string;
  tags?: Record<string, string>;
  /** The simulated PC's Sage 50 set-up. */
  baseCurrency?: string;
  sageVersion?: number;
  id?: string;
};

const DAY_MS = 86_400_000;

/** A Codat company and its PC: Sage 50 with the MANAGER user, no connector yet. */
export async function createSimCompany(db: Db, input: NewSimCompany, now: Date): Promise<CompanyRow> {
  const id = input.id ?? randomUUID();
  const version = input.sageVersion ?? SAGE_DEFAULT_VERSION;
  return db.transaction(async (tx) => {
    const [company] = await tx
      .insert(simCompanies)
      .values({ id, name: input.name, description: input.description ?? null, tags: input.tags ?? null, createdAt: now })
      .returning();
    await tx.insert(simPcs).values({
      companyId: id,
      sageCompanyName: input.name,
      dataPath: defaultDataPath(version),
      baseCurrency: input.baseCurrency ?? "GBP",
      sageVersion: version,
      lastTransactionDate: new Date(now.getTime() - 2 * DAY_MS),
      updatedAt: now,
    });
    await tx.insert(simSageUsers).values({
      companyId: id,
      nameKey: sageUserKey(SAGE_MANAGER_USER),
      name: SAGE_MANAGER_USER,
      userType: "Administrator",
      passwordHash: null,
      createdAt: now,
    });
    if (!company) throw new Error("company insert returned nothing");
    return company;
  });
}

export async function findSimCompany(db: Db, companyId: string): Promise<CompanyRow | null> {
  const [row] = await db.select().from(simCompanies).where(eq(simCompanies.id, companyId));
  return row ?? null;
}

export async function listCompanyConnections(db: Db, companyId: string): Promise<ConnectionRow[]> {
  return db
    .select()
    .from(simConnections)
    .where(eq(simConnections.companyId, companyId))
    .orderBy(asc(simConnections.createdAt), asc(simConnections.id));
}

/** Connections of several companies at once, grouped by company id. */
export async function connectionsByCompany(db: Db, companyIds: readonly string[]): Promise<Map<string, ConnectionRow[]>> {
  const map = new Map<string, ConnectionRow[]>();
  if (companyIds.length === 0) return map;
  const rows = await db
    .select()
    .from(simConnections)
    .where(inArray(simConnections.companyId, [...companyIds]))
    .orderBy(asc(simConnections.createdAt), asc(simConnections.id));
  for (const row of rows) map.set(row.companyId, [...(map.get(row.companyId) ?? []), row]);
  return map;
}

export async function findConnection(db: Db, companyId: string, connectionId: string): Promise<ConnectionRow | null> {
  const [row] = await db
    .select()
    .from(simConnections)
    .where(and(eq(simConnections.companyId, companyId), eq(simConnections.id, connectionId)));
  return row ?? null;
}

/**
 * A Sage 50 company has one accounting connection at a time: asking again while one is PendingAuth
 * or Linked returns that one.
 */
export async function createSage50Connection(db: Db, companyId: string, now: Date): Promise<ConnectionRow> {
  const [active] = await db
    .select()
    .from(simConnections)
    .where(and(eq(simConnections.companyId, companyId), inArray(simConnections.status, ["PendingAuth", "Linked"])))
    .orderBy(desc(simConnections.createdAt))
    .limit(1);
  if (active) return active;
  const [row] = await db
    .insert(simConnections)
    .values({ id: randomUUID(), companyId, status: "PendingAuth", createdAt: now })
    .returning();
  if (!row) throw new Error("connection insert returned nothing");
  return row;
}
