/** Demo staff accounts, created by the demo seed and printed at start. Never used outside DEMO mode. */
export const DEMO_STAFF = [
  { email: "admin@example.com", name: "Alex Admin", role: "admin", password: "demo-admin-2026" },
  { email: "support@example.com", name: "Sam Support", role: "support", password: "demo-support-2026" },
] as const;
