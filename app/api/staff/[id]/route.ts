import { route } from "@/lib/api/handler";
import { staffParamsSchema, updateStaffSchema } from "@/lib/support/staff-schema";
import { updateStaffAccount } from "@/lib/support/update-staff-account";
import { asStaff } from "@/lib/support/staff-actor";

/** Admin: changes a staff account's role or active state; its sessions end at once. */
export const PATCH = route(
  { permission: "staff:manage", params: staffParamsSchema, body: updateStaffSchema },
  async ({ db, actor, params, body }) => ({ staff: await updateStaffAccount(db, { id: params.id, patch: body, actor: asStaff(actor) }) }),
);
