import { route } from "@/lib/api/handler";
import { getCodat } from "@/lib/codat/config";
import { companyFor, companyParams } from "@/lib/setup/company-access";
import { refreshConnection } from "@/lib/setup/refresh-connection";
import { loadWizard } from "@/lib/setup/load-wizard";
import { toWizardView } from "@/lib/setup/wizard-view";

/** The wizard's state. While the connector is not linked, the connection is re-read (throttled). */
export const GET = route({ permission: "signed-in", params: companyParams }, async ({ db, actor, params }) => {
  let company = await companyFor(db, actor, params.id);
  if (company.connectionStatus !== "Linked" || !company.reportedCompanyName) {
    company = await refreshConnection(db, getCodat(), company);
  }
  return toWizardView(db, await loadWizard(db, company));
});
