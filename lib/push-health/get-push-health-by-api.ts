import type { Db } from "@/lib/db/client";
import { findCompanyByAnyId } from "@/lib/db/queries/companies";
import { notFound } from "@/lib/errors";
import type { ApiPushHealth } from "@/lib/setups-api/api-v1-schemas";
import { loadPushHealth } from "./load-push-health";

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** For the integrator's backend: a company's (ours or Codat's id) push health, its counts and open alert. */
export async function getPushHealthByApi(db: Db, id: string, now = new Date()): Promise<ApiPushHealth> {
  const company = await findCompanyByAnyId(db, id);
  const view = company ? await loadPushHealth(db, company.id, { now, failures: 0 }) : null;
  if (!company || !view) throw notFound("That company");
  return {
    companyId: company.id,
    codatCompanyId: company.codatCompanyId,
    state: view.state,
    cause: view.cause,
    lastSuccessAt: iso(view.lastSuccessAt),
    lastFailureAt: iso(view.lastFailureAt),
    counts: { last24h: view.counts.last24h, last30d: view.counts.last30d },
    openAlert: view.openAlert ? { openedAt: view.openAlert.openedAt.toISOString(), state: view.openAlert.healthState, cause: view.openAlert.cause } : null,
  };
}
