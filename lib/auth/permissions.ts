import type { StaffRole } from "@/lib/db/schema/staff";

/** Every role and what it may do: the one table the guards read (staff roles: lib/db/schema/staff.ts). */
export type Role = "client" | StaffRole;

export type Permission =
  | "setup:own" // a client working through its own company's wizard
  | "company:read"
  | "company:create"
  | "company:import"
  | "test-push:run"
  | "push:enable"
  | "push:disable"
  | "link:manage"
  | "step:reset"
  | "note:add"
  | "outbox:read"
  | "insights:read" // the support insights page (funnel, stalls, failure causes)
  | "ops:read" // how the background work stands (Codat's webhooks waiting to be applied)
  | "staff:manage"
  | "settings:manage";

const support: Permission[] = [
  "company:read",
  "company:create",
  "company:import",
  "test-push:run",
  "push:enable",
  "push:disable",
  "link:manage",
  "step:reset",
  "note:add",
  "outbox:read",
  "insights:read",
  "ops:read",
];

const rolePermissions: Record<Role, readonly Permission[]> = {
  client: ["setup:own", "test-push:run", "push:enable", "push:disable"],
  support,
  admin: [...support, "staff:manage", "settings:manage"],
};

export function can(role: Role, permission: Permission): boolean {
  return rolePermissions[role].includes(permission);
}
