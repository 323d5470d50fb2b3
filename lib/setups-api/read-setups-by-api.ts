import type { Db } from "@/lib/db/client";
import { getCompany } from "@/lib/db/queries/companies";
import { findCompanyByExternalId, listCompaniesAfter } from "@/lib/db/queries/api-setups";
import { AppError, notFound } from "@/lib/errors";
import { loadApiSetup } from "./setup-view";
import type { ApiSetup } from "./api-v1-schemas";

/** `GET /api/v1/setups/{id}`: one setup, or 404. */
export async function getSetupByApi(db: Db, id: string): Promise<{ setup: ApiSetup }> {
  const company = await getCompany(db, id);
  if (!company) throw notFound("That setup");
  return { setup: await loadApiSetup(db, company) };
}

/**
 * `GET /api/v1/setups`: the setup with an `externalId` (0 or 1 item), or every setup in the order they
 * were created, a page at a time (`limit`, and `cursor` from the page before).
 */
export async function listSetupsByApi(
  db: Db,
  query: { externalId?: string; limit: number; cursor?: string },
): Promise<{ items: ApiSetup[]; nextCursor: string | null }> {
  if (query.externalId !== undefined) {
    const company = await findCompanyByExternalId(db, query.externalId);
    return { items: company ? [await loadApiSetup(db, company)] : [], nextCursor: null };
  }
  const afterId = query.cursor ? readCursor(query.cursor) : null;
  const rows = await listCompaniesAfter(db, { afterId, limit: query.limit + 1 });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const items: ApiSetup[] = [];
  for (const company of page) items.push(await loadApiSetup(db, company));
  return { items, nextCursor: rows.length > query.limit && last ? writeCursor(last) : null };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function writeCursor(row: { id: string }): string {
  return Buffer.from(row.id).toString("base64url");
}

function readCursor(cursor: string): string {
  const id = Buffer.from(cursor, "base64url").toString("utf8");
  if (!UUID.test(id)) throw new AppError("validation_failed", "cursor: send the nextCursor of the page before, unchanged.");
  return id;
}
