import type { Db } from "@/lib/db/client";
import { listCompaniesForSupport } from "@/lib/db/queries/support-list";
import type { SupportListQuery } from "./support-list-schema";

/** One page of setups for the support console. */
export async function listSetups(db: Db, query: SupportListQuery) {
  const { rows, total } = await listCompaniesForSupport(db, query);
  return { items: rows, total, page: query.page, pageSize: query.pageSize, pages: Math.max(1, Math.ceil(total / query.pageSize)) };
}
