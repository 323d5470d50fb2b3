import type { Db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { getCodat } from "@/lib/codat/config";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { importCompanies, type ImportResponse } from "./import-companies";
import type { ImportRequest } from "./import-schema";

/**
 * Support invites pull-only Codat companies to the upgrade flow (`POST /api/imports`): one result
 * per id, invited with its setup link or refused with a code and the reason.
 */
export async function importCompaniesForStaff(db: Db, actor: Actor, request: ImportRequest): Promise<ImportResponse> {
  if (actor.type !== "staff") throw new AppError("forbidden", "Only staff import companies.");
  const results = await importCompanies(db, getCodat(), {
    codatCompanyIds: request.codatCompanyIds,
    contactEmail: request.contactEmail,
    actor,
    appUrl: getEnv().APP_URL,
  });
  return { results };
}
