import { route } from "@/lib/api/handler";
import { getEnv } from "@/lib/env";
import { companyFor, companyParams } from "@/lib/setup/company-access";
import { createHandoff } from "@/lib/setup-links/create-handoff";
import { enforceRateLimit } from "@/lib/rate-limit/enforce-rate-limit";

/** The client hands the setup over to the Sage 50 PC: link, short code and QR code. */
export const POST = route({ permission: "setup:own", params: companyParams }, async ({ db, actor, params }) => {
  const company = await companyFor(db, actor, params.id);
  await enforceRateLimit(db, { key: `handoff:${company.id}`, limit: 20, windowSeconds: 3600 });
  return createHandoff(db, { companyId: company.id, actor, appUrl: getEnv().APP_URL });
});
