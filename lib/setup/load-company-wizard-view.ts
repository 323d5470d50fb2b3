import type { Db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { getCodat } from "@/lib/codat/config";
import { companyFor } from "./company-access";
import { loadWizard } from "./load-wizard";
import { refreshConnection } from "./refresh-connection";
import { toWizardView, type WizardView } from "./wizard-view";

/**
 * A company's wizard state (`GET /api/companies/{id}/setup`). While the connector is not linked,
 * the connection is re-read from Codat first (throttled).
 */
export async function loadCompanyWizardView(db: Db, actor: Actor, companyId: string): Promise<WizardView> {
  let company = await companyFor(db, actor, companyId);
  if (company.connectionStatus !== "Linked" || !company.reportedCompanyName) {
    company = await refreshConnection(db, getCodat(), company);
  }
  return toWizardView(db, await loadWizard(db, company));
}
