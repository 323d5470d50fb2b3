import { route } from "@/lib/api/handler";
import { companyParams } from "@/lib/setup/company-access";
import { loadCompanyWizardView } from "@/lib/setup/load-company-wizard-view";

/** The wizard's state. While the connector is not linked, the connection is re-read (throttled). */
export const GET = route({ permission: "signed-in", params: companyParams }, async ({ db, actor, params }) =>
  loadCompanyWizardView(db, actor, params.id),
);
