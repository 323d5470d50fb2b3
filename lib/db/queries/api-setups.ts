import { asc, eq, sql } from "drizzle-orm";
import type { Db } from "../client";
import { companies } from "../schema/companies";
import type { CompanyRow } from "./companies";

export async function findCompanyByExternalId(db: Db, externalId: string): Promise<CompanyRow | null> {
  const [row] = await db.select().from(companies).where(eq(companies.externalId, externalId)).limit(1);
  return row ?? null;
}

/**
 * Companies in the order they were created (then by id), after the one with id `afterId`: the API's
 * pages. The comparison is made in SQL against that row, so timestamps keep their full precision.
 */
export async function listCompaniesAfter(db: Db, opts: { afterId: string | null; limit: number }): Promise<CompanyRow[]> {
  const after = opts.afterId
    ? sql`(${companies.createdAt}, ${companies.id}) > (select c.created_at, c.id from companies c where c.id = ${opts.afterId})`
    : undefined;
  return db.select().from(companies).where(after).orderBy(asc(companies.createdAt), asc(companies.id)).limit(opts.limit);
}
