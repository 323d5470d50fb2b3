import { route } from "@/lib/api/handler";
import { AppError } from "@/lib/errors";
import { getEnv } from "@/lib/env";
import { getCodat } from "@/lib/codat/config";
import { importRequestSchema } from "@/lib/import/import-schema";
import { importCompanies, type ImportResponse } from "@/lib/import/import-companies";

/**
 * Support invites pull-only Codat companies to the upgrade flow. Always 200 with one result per id
 * (invited with its setup link, or refused with a code and the reason): one bad id never fails the rest.
 */
export const POST = route({ permission: "company:import", body: importRequestSchema }, async ({ db, actor, body }) => {
  if (actor.type !== "staff") throw new AppError("forbidden", "Only staff import companies.");
  const results = await importCompanies(db, getCodat(), {
    codatCompanyIds: body.codatCompanyIds,
    contactEmail: body.contactEmail,
    actor,
    appUrl: getEnv().APP_URL,
  });
  return { results } satisfies ImportResponse;
});
