import { route } from "@/lib/api/handler";
import { requireCompanyAccess } from "@/lib/auth/guards";
import { companyParamsSchema } from "@/lib/support/company-params-schema";
import { contactEmailSchema } from "@/lib/support/contact-email-schema";
import { saveContactEmail } from "@/lib/support/save-contact-email";
import { asStaff } from "@/lib/support/staff-actor";

/** Support sets or clears the client's contact email. */
export const PUT = route(
  { permission: "link:manage", params: companyParamsSchema, body: contactEmailSchema },
  async ({ db, actor, params, body }) => {
    const company = await requireCompanyAccess(db, actor, params.id);
    return await saveContactEmail(db, { companyId: company.id, values: body, actor: asStaff(actor) });
  },
);
