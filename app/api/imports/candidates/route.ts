import { route } from "@/lib/api/handler";
import { candidatesQuerySchema } from "@/lib/import/import-schema";
import { listImportCandidates } from "@/lib/import/list-import-candidates";

/** A page of the integrator's Codat companies, each marked: Sage 50 connection, its status, already set up here. */
export const GET = route({ permission: "company:import", query: candidatesQuerySchema }, async ({ db, query }) =>
  listImportCandidates(db, query),
);
