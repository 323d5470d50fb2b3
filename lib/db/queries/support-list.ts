import { asc, count, desc, ilike, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import { companies } from "../schema/companies";
import type { SupportListQuery } from "@/lib/support/support-list-schema";

/** Server-side search, filter, sort and paging over companies (indexes in schema/companies.ts). */
export async function listCompaniesForSupport(db: Db, q: SupportListQuery) {
  const where: SQL[] = [];
  if (q.q) {
    const like = `%${q.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    where.push(or(ilike(companies.name, like), ilike(companies.codatCompanyId, like))!);
  }
  if (q.filter === "enabled") where.push(sql`${companies.pushEnabled} = true`);
  if (q.filter === "waiting") where.push(sql`coalesce(${companies.connectionStatus}, 'PendingAuth') <> 'Linked'`);
  const cond = where.length ? sql.join(where, sql` and `) : undefined;
  const order =
    q.sort === "name" ? asc(companies.name) : q.sort === "created" ? desc(companies.createdAt) : desc(companies.lastActivityAt);
  const [rows, [totalRow]] = await Promise.all([
    db
      .select()
      .from(companies)
      .where(cond)
      .orderBy(order, asc(companies.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(companies).where(cond),
  ]);
  return { rows, total: totalRow?.n ?? 0 };
}
