import { z } from "zod";
import type { StaffRole } from "@/lib/db/schema/staff";
import { staffPasswordSchema } from "@/lib/auth/password-rule";

/** Staff accounts: one schema per rule, shared by the admin forms and /api/staff. */
export const STAFF_ROLE_LABELS: Record<StaffRole, string> = {
  support: "Support — setups, test pushes, links, notes",
  admin: "Admin — also staff accounts and settings",
};

/** The roles of lib/db/schema/staff.ts in the forms' order; the Record above makes it complete. */
export const STAFF_ROLES = Object.keys(STAFF_ROLE_LABELS) as [StaffRole, ...StaffRole[]];

export const inviteStaffSchema = z.strictObject({
  name: z.string().trim().min(2, "Enter the person's name.").max(100, "Keep the name under 100 characters."),
  email: z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address.").max(254, "That email address is too long.")),
  role: z.enum(STAFF_ROLES, "Choose a role."),
});

/** An account an operator makes from the command line (`npm run staff:create`), with a password they choose. */
export const createStaffAccountSchema = inviteStaffSchema
  .extend({ password: staffPasswordSchema })
  .refine((v) => !v.password.toLowerCase().includes(v.email), { path: ["password"], message: "Do not use the email address in the password." });
export type CreateStaffAccountInput = z.input<typeof createStaffAccountSchema>;

export const updateStaffSchema = z
  .strictObject({
    role: z.enum(STAFF_ROLES, "Choose a role.").optional(),
    active: z.boolean().optional(),
  })
  .refine((v) => v.role !== undefined || v.active !== undefined, "Change the role or whether the account is active.");

export const staffParamsSchema = z.object({ id: z.uuid() });
