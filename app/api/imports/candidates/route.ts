import { route } from "@/lib/api/handler";
import { getCodat } from "@/lib/codat/config";
import { candidatesQuerySchema } from "@/lib/import/import-schema";
import { listLinkableCompanies } from "@/lib/import/list-linkable-companies";

/** A page of the integrator's Codat companies, each marked: Sage 50 connection, its status, already set up here. */
export const GET = route({ permission: "company:import", query: candidatesQuerySchema }, async ({ db, query }) =>
  listLinkableCompanies(db, getCodat(), { page: query.page, pageSize: query.pageSize, query: query.q }),
);
