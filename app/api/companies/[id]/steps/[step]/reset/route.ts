import { route } from "@/lib/api/handler";
import { requireCompanyAccess } from "@/lib/auth/guards";
import { companyStepParamsSchema } from "@/lib/support/company-params-schema";
import { resetStep } from "@/lib/support/reset-step";
import { asStaff } from "@/lib/support/staff-actor";

/** Support sends the client back to a wizard step (its saved progress and later steps' are cleared). */
export const POST = route({ permission: "step:reset", params: companyStepParamsSchema }, async ({ db, actor, params }) => {
  const company = await requireCompanyAccess(db, actor, params.id);
  return { reset: await resetStep(db, { companyId: company.id, step: params.step, actor: asStaff(actor) }) };
});
