import type { Db } from "@/lib/db/client";
import { getCodat } from "@/lib/codat/config";
import type { CandidatesQuery } from "./import-schema";
import { listLinkableCompanies, type LinkableCompaniesPage } from "./list-linkable-companies";

/** A page of the integrator's Codat companies for the import console (`GET /api/imports/candidates`). */
export async function listImportCandidates(db: Db, query: CandidatesQuery): Promise<LinkableCompaniesPage> {
  return listLinkableCompanies(db, getCodat(), { page: query.page, pageSize: query.pageSize, query: query.q });
}
