import { route } from "@/lib/api/handler";
import { listStaffAccounts } from "@/lib/support/list-staff-accounts";
import { inviteStaffSchema } from "@/lib/support/staff-schema";
import { inviteStaff } from "@/lib/support/invite-staff";
import { asStaff } from "@/lib/support/staff-actor";

/** Admin: the staff accounts. */
export const GET = route({ permission: "staff:manage" }, async ({ db }) => ({ staff: await listStaffAccounts(db) }));

/** Admin: creates a staff account; the one-time password is in this response only. */
export const POST = route({ permission: "staff:manage", body: inviteStaffSchema }, async ({ db, actor, body }) => {
  const result = await inviteStaff(db, { input: body, actor: asStaff(actor) });
  return Response.json(result, { status: 201, headers: { "Cache-Control": "no-store" } });
});
