/** Every role and what it may do: the one table the guards read. */
export const roles = ["client", "support", "admin"] as const;
export type Role = (typeof roles)[number];

export const permissions = [
  "setup:own", // a client working through its own company's wizard
  "company:read",
  "company:create",
  "company:import",
  "test-push:run",
  "push:enable",
  "push:disable",
  "link:manage",
  "step:reset",
  "note:add",
  "staff:manage",
  "settings:manage",
] as const;
export type Permission = (typeof permissions)[number];

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
];

export const rolePermissions: Record<Role, readonly Permission[]> = {
  client: ["setup:own", "test-push:run", "push:enable", "push:disable"],
  support,
  admin: [...support, "staff:manage", "settings:manage"],
};

export function can(role: Role, permission: Permission): boolean {
  return rolePermissions[role].includes(permission);
}
