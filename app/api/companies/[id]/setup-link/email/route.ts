import { route } from "@/lib/api/handler";
import { requireCompanyAccess } from "@/lib/auth/guards";
import { companyParamsSchema } from "@/lib/support/company-params-schema";
import { emailSetupLink } from "@/lib/support/email-setup-link";
import { asStaff } from "@/lib/support/staff-actor";

/** Emails a fresh setup link to the company's contact; the old link stops working at once. */
export const POST = route({ permission: "link:manage", params: companyParamsSchema }, async ({ db, actor, params }) => {
  const company = await requireCompanyAccess(db, actor, params.id);
  return { emailed: await emailSetupLink(db, { companyId: company.id, actor: asStaff(actor) }) };
});
