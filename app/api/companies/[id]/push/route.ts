import { route } from "@/lib/api/handler";
import { AppError } from "@/lib/errors";
import { can } from "@/lib/auth/permissions";
import { companyFor, companyParams } from "@/lib/setup/company-access";
import { setPushEnabled } from "@/lib/test-push/set-push-enabled";
import { setPushSchema } from "@/lib/test-push/set-push-schema";

/** Turns data push on (only after a successful test push on the current connection) or off. */
export const PUT = route({ permission: "signed-in", params: companyParams, body: setPushSchema }, async ({ db, actor, params, body }) => {
  if (!can(actor.role, body.enabled ? "push:enable" : "push:disable")) {
    throw new AppError("forbidden", "Your account is not allowed to change data push.");
  }
  const company = await companyFor(db, actor, params.id);
  const updated = await setPushEnabled(db, {
    companyId: company.id,
    actor,
    enabled: body.enabled,
    foreignTraderConfirmed: body.foreignTraderConfirmed,
  });
  return { pushEnabled: updated.pushEnabled, pushEnabledAt: updated.pushEnabledAt?.toISOString() ?? null };
});

export type SetPushResponse = { pushEnabled: boolean; pushEnabledAt: string | null };
