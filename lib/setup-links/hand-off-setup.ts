import type { Db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { getEnv } from "@/lib/env";
import { enforceRateLimit } from "@/lib/rate-limit/enforce-rate-limit";
import { companyFor } from "@/lib/setup/company-access";
import { createHandoff } from "./create-handoff";

/**
 * The client hands the setup over to the Sage 50 PC (`POST /api/companies/{id}/handoff`): a link,
 * short code and QR code, at most twenty an hour per company.
 */
export async function handOffSetup(db: Db, actor: Actor, companyId: string) {
  const company = await companyFor(db, actor, companyId);
  await enforceRateLimit(db, { key: `handoff:${company.id}`, limit: 20, windowSeconds: 3600 });
  return createHandoff(db, { companyId: company.id, actor, appUrl: getEnv().APP_URL });
}
