import type { Db } from "@/lib/db/client";
import type { CodatClient } from "@/lib/codat/client";
import { listCompanies } from "@/lib/codat/companies";
import type { CodatConnectionStatus } from "@/lib/codat/types";
import { findCompanyByCodatId } from "@/lib/db/queries/companies";
import type { SetupFlow } from "@/lib/sage/types";

/**
 * Whether support can invite a Codat company to the upgrade flow, and if not, why:
 * - ready: a Linked Sage 50 connection, not set up here yet;
 * - already_set_up: this app already has a setup for it (link to it instead);
 * - not_linked: it has a Sage 50 connection, but the connector is not linked (use a new setup);
 * - no_sage50: no Sage 50 connection at all.
 */
export type LinkableState = "ready" | "already_set_up" | "not_linked" | "no_sage50";

export type LinkableCompany = {
  codatCompanyId: string;
  name: string;
  createdAt: string | null;
  sage50: { connectionId: string; status: CodatConnectionStatus; lastSync: string | null } | null;
  /** Our setup for this Codat company, when there is one. */
  existing: { companyId: string; name: string; flow: SetupFlow; pushEnabled: boolean } | null;
  state: LinkableState;
};

export type LinkableCompaniesPage = {
  items: LinkableCompany[];
  page: number;
  pageSize: number;
  total: number;
  pages: number;
  hasNextPage: boolean;
};

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A search box's text as a Codat query: a whole company ID matches that company; anything else is
 * "name contains". Values are wrapped in braces, which Codat's query language uses for values with
 * special characters (*assumed* from Codat's querying docs; the simulator reads them the same way);
 * braces and `&&` / `||` are removed from the text so it stays one condition.
 */
export function toCodatCompanyQuery(text: string | undefined): string | undefined {
  const clean = (text ?? "").replace(/[{}]/g, "").replace(/&&|\|\|/g, " ").replace(/\s+/g, " ").trim();
  if (!clean) return undefined;
  if (GUID.test(clean)) return `id={${clean.toLowerCase()}}`;
  return `name~{${clean}}`;
}

export function linkableState(
  sage50: LinkableCompany["sage50"],
  existing: LinkableCompany["existing"],
): LinkableState {
  if (existing) return "already_set_up";
  if (!sage50) return "no_sage50";
  return sage50.status === "Linked" ? "ready" : "not_linked";
}

/**
 * One page of the integrator's Codat companies (Codat's own paging, through the adapter), each
 * marked: its Sage 50 connection and status, and whether it is already set up here.
 */
export async function listLinkableCompanies(
  db: Db,
  codat: CodatClient,
  opts: { page: number; pageSize: number; query?: string },
): Promise<LinkableCompaniesPage> {
  const page = await listCompanies(codat, {
    page: opts.page,
    pageSize: opts.pageSize,
    query: toCodatCompanyQuery(opts.query),
  });
  // One indexed lookup per row (at most 100): our codat_company_id is unique.
  const ours = await Promise.all(page.items.map((c) => findCompanyByCodatId(db, c.id)));
  const items = page.items.map((c, i): LinkableCompany => {
    const row = ours[i] ?? null;
    const connection = c.sage50Connection;
    const sage50 = connection ? { connectionId: connection.id, status: connection.status, lastSync: connection.lastSync } : null;
    const existing = row ? { companyId: row.id, name: row.name, flow: row.flow, pushEnabled: row.pushEnabled } : null;
    return { codatCompanyId: c.id, name: c.name, createdAt: c.created ?? null, sage50, existing, state: linkableState(sage50, existing) };
  });
  const pageSize = page.pageSize || opts.pageSize;
  return {
    items,
    page: page.pageNumber || opts.page,
    pageSize,
    total: page.totalResults,
    pages: Math.max(1, Math.ceil(page.totalResults / pageSize)),
    hasNextPage: page.hasNextPage,
  };
}
