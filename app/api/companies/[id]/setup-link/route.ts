import { route } from "@/lib/api/handler";
import { requireCompanyAccess } from "@/lib/auth/guards";
import { companyParamsSchema } from "@/lib/support/company-params-schema";
import { renewSetupLink } from "@/lib/support/renew-setup-link";
import { asStaff } from "@/lib/support/staff-actor";

/** A new setup link for the client, returned once; the old link stops working at once. */
export const POST = route({ permission: "link:manage", params: companyParamsSchema }, async ({ db, actor, params }) => {
  const company = await requireCompanyAccess(db, actor, params.id);
  return { setupLink: await renewSetupLink(db, { companyId: company.id, actor: asStaff(actor) }) };
});
