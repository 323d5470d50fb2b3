import { route } from "@/lib/api/handler";
import { importRequestSchema } from "@/lib/import/import-schema";
import { importCompaniesForStaff } from "@/lib/import/import-companies-for-staff";

/**
 * Support invites pull-only Codat companies to the upgrade flow. Always 200 with one result per id
 * (invited with its setup link, or refused with a code and the reason): one bad id never fails the rest.
 */
export const POST = route({ permission: "company:import", body: importRequestSchema }, async ({ db, actor, body }) =>
  importCompaniesForStaff(db, actor, body),
);
