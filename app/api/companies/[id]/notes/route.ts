import { route } from "@/lib/api/handler";
import { requireCompanyAccess } from "@/lib/auth/guards";
import { companyParamsSchema } from "@/lib/support/company-params-schema";
import { noteSchema } from "@/lib/support/note-schema";
import { addNote } from "@/lib/support/add-note";
import { asStaff } from "@/lib/support/staff-actor";

/** Support leaves a note on the company's timeline. */
export const POST = route(
  { permission: "note:add", params: companyParamsSchema, body: noteSchema },
  async ({ db, actor, params, body }) => {
    const company = await requireCompanyAccess(db, actor, params.id);
    return { note: await addNote(db, { companyId: company.id, actor: asStaff(actor), text: body.text }) };
  },
);
