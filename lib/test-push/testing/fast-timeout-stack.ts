import type { StaffActor } from "@/lib/auth/actor";
import type { SessionClaims } from "@/lib/auth/auth.config";
import type { DbHandle } from "@/lib/db/client";
import { updateSettings } from "@/lib/db/queries/settings";
import { insertStaff } from "@/lib/db/queries/staff";
import { openAppStack, type AppStack } from "@/lib/testing/app-stack";

/**
 * An app stack whose simulated minute lasts 100 ms, with Codat's test-push timeout set to one such
 * minute (a push nobody takes, or left Pending, times out quickly), and a support account to act as.
 */
export async function openFastTimeoutStack(h: DbHandle, person: { email: string; name: string }): Promise<{ stack: AppStack; staff: StaffActor }> {
  const stack = await openAppStack(h, { config: { minuteMs: 100 } });
  await updateSettings(h.db, { testPushTimeoutMinutes: 1 });
  const user = await insertStaff(h.db, { ...person, role: "support", passwordHash: "x" });
  return { stack, staff: { type: "staff", id: user.id, role: "support", name: user.name, email: user.email } };
}

/** The session claims of a support account, as the guards read them. */
export const staffSessionClaims = (staff: StaffActor): SessionClaims => ({
  kind: "staff",
  userId: staff.id,
  role: staff.role,
  sessionVersion: 1,
  name: staff.name,
  email: staff.email,
});
