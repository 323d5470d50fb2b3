import type { Db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { getCodat } from "@/lib/codat/config";
import { notFound } from "@/lib/errors";
import { enforceRateLimit } from "@/lib/rate-limit/enforce-rate-limit";
import { companyFor } from "@/lib/setup/company-access";
import { startTestPush } from "./start-test-push";
import { getTestPushView } from "./get-test-push-view";
import type { TestPushResponse } from "./test-push-view";

/**
 * A person starts the company's verified test push (`POST /api/companies/{id}/test-pushes`): at most
 * ten every ten minutes per company, idempotent by key, answered in the same body as the GETs.
 */
export async function runTestPush(
  db: Db,
  actor: Actor,
  opts: { companyId: string; idempotencyKey: string | null },
): Promise<TestPushResponse> {
  const company = await companyFor(db, actor, opts.companyId);
  await enforceRateLimit(db, { key: `test-push:${company.id}`, limit: 10, windowSeconds: 600 });
  const codat = getCodat();
  const row = await startTestPush(db, codat, { company, actor, idempotencyKey: opts.idempotencyKey });
  const testPush = await getTestPushView(db, codat, company, row.id);
  if (!testPush) throw notFound("That test push");
  return { testPush };
}
