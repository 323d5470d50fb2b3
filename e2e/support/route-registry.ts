/**
 * Every page and API route of the app, with what each kind of visitor gets. The access-matrix spec
 * runs every row against every role and fails when a route of the build is missing here.
 *
 * Roles: anonymous; the client of company A (the company the sample requests are about); the client
 * of company B (another tenant); support; admin. Outcomes are exact: a status, "sign-in" (a page
 * redirecting to /sign-in) or a redirect to a path. Allowed mutations are sent with a body that is
 * refused by validation (422) where that still proves the guard was passed, or aimed at company C (a
 * spare) where doing it for real would end company A's client session.
 */

export const ROLES = ["anonymous", "clientA", "clientB", "support", "admin"] as const;
export type Role = (typeof ROLES)[number];

export type Outcome = number | "sign-in" | { redirect: string };

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** What the spec sets up before the matrix runs. */
export type MatrixContext = {
  companyA: { id: string; codatCompanyId: string };
  companyB: { id: string; codatCompanyId: string };
  /** Spare company: destructive staff actions (renew link, reset step) land here. */
  companyC: { id: string; codatCompanyId: string };
  /** A test push of company A (our id). */
  testPushA: string;
  /** A throwaway staff account and API key, for the admin-only mutations. */
  spareStaffId: string;
  spareApiKeyId: string;
  /** A webhook the simulator delivered (for the replay route). */
  deliveryId: string;
  simulatorApiKey: string;
};

type Sample = { path: string; body?: unknown; headers?: Record<string, string> };

export type RouteEntry = {
  kind: "page" | "api";
  method: Method;
  /** As in app/: `/api/companies/[id]/test-pushes/[key]`. */
  template: string;
  /** "simulator": the simulated PC and Codat (public in simulator mode, 404 in live mode). */
  area: "app" | "auth" | "public" | "integrator" | "simulator";
  /** A JSON API that the bad-input properties fuzz (with `fuzzAs` as the actor). */
  json?: { fuzzAs: Role; readsBody: boolean };
  sample: (ctx: MatrixContext, role: Role) => Sample;
  expect: Record<Role, Outcome>;
};

/** A webhook endpoint (and delivery) id that exists nowhere. */
const NO_ENDPOINT = "00000000-0000-4000-8000-000000000000";
const all = (o: Outcome): Record<Role, Outcome> => ({ anonymous: o, clientA: o, clientB: o, support: o, admin: o });
/** Staff permission held by support and admin. */
const staff = (allowed: number): Record<Role, Outcome> => ({ anonymous: 401, clientA: 403, clientB: 403, support: allowed, admin: allowed });
/** Admin-only permission (staff:manage, settings:manage). */
const admin = (allowed: number): Record<Role, Outcome> => ({ anonymous: 401, clientA: 403, clientB: 403, support: 403, admin: allowed });
/** A company-scoped route every signed-in role may use on a company it can see. */
const tenant = (allowed: number): Record<Role, Outcome> => ({ anonymous: 401, clientA: allowed, clientB: 404, support: allowed, admin: allowed });
const staffPage = (allowed: number): Record<Role, Outcome> => ({ anonymous: "sign-in", clientA: 403, clientB: 403, support: allowed, admin: allowed });
const clientPage = (a: Outcome, b: Outcome = a): Record<Role, Outcome> => ({ anonymous: "sign-in", clientA: a, clientB: b, support: 403, admin: 403 });
/** A wizard step not open yet: the client is sent to the step it is on. */
const notYet: Outcome = { redirect: "/setup/before-start" };

const basic = (key: string) => ({ Authorization: `Basic ${Buffer.from(key).toString("base64")}` });
const isStaff = (role: Role) => role === "support" || role === "admin";

export const ROUTES: readonly RouteEntry[] = [
  // ── Pages ────────────────────────────────────────────────────────────────────────────────
  {
    kind: "page", method: "GET", template: "/", area: "public",
    sample: () => ({ path: "/" }),
    expect: { anonymous: 200, clientA: { redirect: "/setup" }, clientB: { redirect: "/setup" }, support: { redirect: "/support" }, admin: { redirect: "/support" } },
  },
  { kind: "page", method: "GET", template: "/go", area: "public", sample: () => ({ path: "/go" }), expect: all(200) },
  { kind: "page", method: "GET", template: "/help", area: "public", sample: () => ({ path: "/help" }), expect: all(200) },
  { kind: "page", method: "GET", template: "/docs/api", area: "public", sample: () => ({ path: "/docs/api" }), expect: all(200) },
  { kind: "page", method: "GET", template: "/docs/api/plain", area: "public", sample: () => ({ path: "/docs/api/plain" }), expect: all(200) },
  // The fake integrator page, in demo mode only (404 otherwise); the browser tests run a demo.
  { kind: "page", method: "GET", template: "/embed-demo", area: "public", sample: () => ({ path: "/embed-demo" }), expect: all(200) },
  { kind: "api", method: "GET", template: "/brand.css", area: "public", sample: () => ({ path: "/brand.css" }), expect: all(200) },
  { kind: "api", method: "GET", template: "/brand/logo/[file]", area: "public", sample: () => ({ path: `/brand/logo/${"0".repeat(64)}.png` }), expect: all(404) },
  { kind: "page", method: "GET", template: "/help/[slug]", area: "public", sample: () => ({ path: "/help/test-push-succeeded" }), expect: all(200) },
  { kind: "page", method: "GET", template: "/link-problem", area: "public", sample: () => ({ path: "/link-problem?reason=expired" }), expect: all(200) },
  { kind: "page", method: "GET", template: "/sign-in", area: "public", sample: () => ({ path: "/sign-in" }), expect: all(200) },
  {
    kind: "page", method: "GET", template: "/setup", area: "app",
    sample: () => ({ path: "/setup" }),
    expect: clientPage({ redirect: "/setup/" }),
  },
  // One page per wizard step. Companies A and B have not finished "Before you start", so the later steps
  // are not open yet.
  { kind: "page", method: "GET", template: "/setup/before-start", area: "app", sample: () => ({ path: "/setup/before-start" }), expect: clientPage(200) },
  { kind: "page", method: "GET", template: "/setup/push-user", area: "app", sample: () => ({ path: "/setup/push-user" }), expect: clientPage(notYet) },
  { kind: "page", method: "GET", template: "/setup/connector", area: "app", sample: () => ({ path: "/setup/connector" }), expect: clientPage(notYet) },
  { kind: "page", method: "GET", template: "/setup/credentials", area: "app", sample: () => ({ path: "/setup/credentials" }), expect: clientPage(notYet) },
  { kind: "page", method: "GET", template: "/setup/test-push", area: "app", sample: () => ({ path: "/setup/test-push" }), expect: clientPage(notYet) },
  { kind: "page", method: "GET", template: "/setup/enable-push", area: "app", sample: () => ({ path: "/setup/enable-push" }), expect: clientPage(notYet) },
  { kind: "page", method: "GET", template: "/setup/health", area: "app", sample: () => ({ path: "/setup/health" }), expect: clientPage(200) },
  { kind: "page", method: "GET", template: "/support", area: "app", sample: () => ({ path: "/support" }), expect: staffPage(200) },
  {
    kind: "page", method: "GET", template: "/support/admin", area: "app",
    sample: () => ({ path: "/support/admin" }),
    expect: { anonymous: "sign-in", clientA: 403, clientB: 403, support: 403, admin: 200 },
  },
  { kind: "page", method: "GET", template: "/support/companies/[id]", area: "app", sample: (c) => ({ path: `/support/companies/${c.companyA.id}` }), expect: staffPage(200) },
  { kind: "page", method: "GET", template: "/support/import", area: "app", sample: () => ({ path: "/support/import" }), expect: staffPage(200) },
  { kind: "page", method: "GET", template: "/support/outbox", area: "app", sample: () => ({ path: "/support/outbox" }), expect: staffPage(200) },
  { kind: "page", method: "GET", template: "/support/insights", area: "app", sample: () => ({ path: "/support/insights?days=7&flow=new" }), expect: staffPage(200) },
  { kind: "page", method: "GET", template: "/sim/pc/[companyId]", area: "simulator", sample: (c) => ({ path: `/sim/pc/${c.companyA.codatCompanyId}` }), expect: all(200) },
  {
    // A token that matches nothing: every visitor is sent to the explanation (and no session changes).
    kind: "page", method: "GET", template: "/s/[token]", area: "public",
    sample: () => ({ path: "/s/matrix-unknown-token-000000000000000000", headers: { "X-Forwarded-For": "198.51.100.77" } }),
    expect: all({ redirect: "/link-problem?reason=invalid" }),
  },

  // ── Auth.js ──────────────────────────────────────────────────────────────────────────────
  { kind: "api", method: "GET", template: "/api/auth/[...nextauth]", area: "auth", sample: () => ({ path: "/api/auth/providers" }), expect: all(200) },
  {
    // Without the CSRF token Auth.js refuses before any credentials are looked at.
    kind: "api", method: "POST", template: "/api/auth/[...nextauth]", area: "auth",
    sample: () => ({ path: "/api/auth/callback/staff", body: { email: "x@example.com", password: "x" } }),
    expect: all({ redirect: "/sign-in?error=MissingCSRF" }),
  },

  // ── Public and integrator APIs ───────────────────────────────────────────────────────────
  { kind: "api", method: "GET", template: "/api/health", area: "public", sample: () => ({ path: "/api/health" }), expect: all(200) },
  {
    kind: "api", method: "POST", template: "/api/webhooks/codat", area: "public",
    json: { fuzzAs: "anonymous", readsBody: false },
    sample: () => ({ path: "/api/webhooks/codat", body: { EventType: "x" } }),
    expect: all(400),
  },
  {
    // An API key, not a session: no session of any role opens it.
    kind: "api", method: "GET", template: "/api/v1/companies/[id]/push-readiness", area: "integrator",
    json: { fuzzAs: "anonymous", readsBody: false },
    sample: (c) => ({ path: `/api/v1/companies/${c.companyA.codatCompanyId}/push-readiness` }),
    expect: all(401),
  },
  {
    // An API key, not a session: no session of any role opens it.
    kind: "api", method: "GET", template: "/api/v1/companies/[id]/push-health", area: "integrator",
    json: { fuzzAs: "anonymous", readsBody: false },
    sample: (c) => ({ path: `/api/v1/companies/${c.companyA.codatCompanyId}/push-health` }),
    expect: all(401),
  },
  {
    kind: "api", method: "GET", template: "/api/v1/setups", area: "integrator",
    json: { fuzzAs: "anonymous", readsBody: false },
    sample: () => ({ path: "/api/v1/setups?limit=1" }),
    expect: all(401),
  },
  {
    kind: "api", method: "POST", template: "/api/v1/setups", area: "integrator",
    json: { fuzzAs: "anonymous", readsBody: false },
    sample: () => ({ path: "/api/v1/setups", body: { externalId: "matrix", name: "Matrix client" } }),
    expect: all(401),
  },
  {
    kind: "api", method: "GET", template: "/api/v1/setups/[id]", area: "integrator",
    json: { fuzzAs: "anonymous", readsBody: false },
    sample: (c) => ({ path: `/api/v1/setups/${c.companyA.id}` }),
    expect: all(401),
  },
  {
    kind: "api", method: "POST", template: "/api/v1/setups/[id]/links", area: "integrator",
    json: { fuzzAs: "anonymous", readsBody: false },
    sample: (c) => ({ path: `/api/v1/setups/${c.companyA.id}/links`, body: {} }),
    expect: all(401),
  },
  {
    // The OpenAPI document of /api/v1: public.
    kind: "api", method: "GET", template: "/api/v1/openapi.json", area: "public",
    json: { fuzzAs: "anonymous", readsBody: false },
    sample: () => ({ path: "/api/v1/openapi.json" }),
    expect: all(200),
  },

  // Any other address under /api/: a JSON 404 in our error shape for every method and every visitor,
  // never the HTML not-found page (the rows above still reach their own routes).
  ...(["GET", "POST", "PUT", "PATCH", "DELETE"] as const).map(
    (method): RouteEntry => ({
      kind: "api", method, template: "/api/[...path]", area: "public",
      ...(method === "GET" || method === "POST" ? { json: { fuzzAs: "anonymous", readsBody: false } } : {}),
      sample: () => ({ path: "/api/no-such-route/anywhere", ...(method === "GET" ? {} : { body: {} }) }),
      expect: all(404),
    }),
  ),

  // ── Company APIs ─────────────────────────────────────────────────────────────────────────
  { kind: "api", method: "GET", template: "/api/companies", area: "app", json: { fuzzAs: "support", readsBody: false }, sample: () => ({ path: "/api/companies" }), expect: staff(200) },
  {
    kind: "api", method: "POST", template: "/api/companies", area: "app", json: { fuzzAs: "support", readsBody: true },
    sample: () => ({ path: "/api/companies", body: {} }), expect: staff(422),
  },
  {
    kind: "api", method: "GET", template: "/api/companies/[id]/setup", area: "app", json: { fuzzAs: "clientA", readsBody: false },
    sample: (c) => ({ path: `/api/companies/${c.companyA.id}/setup` }), expect: tenant(200),
  },
  {
    kind: "api", method: "PUT", template: "/api/companies/[id]/setup/[step]", area: "app", json: { fuzzAs: "clientA", readsBody: true },
    sample: (c) => ({ path: `/api/companies/${c.companyA.id}/setup/before-start`, body: {} }),
    expect: { anonymous: 401, clientA: 200, clientB: 404, support: 403, admin: 403 },
  },
  {
    kind: "api", method: "POST", template: "/api/companies/[id]/handoff", area: "app", json: { fuzzAs: "clientA", readsBody: false },
    sample: (c) => ({ path: `/api/companies/${c.companyA.id}/handoff` }),
    expect: { anonymous: 401, clientA: 200, clientB: 404, support: 403, admin: 403 },
  },
  {
    kind: "api", method: "POST", template: "/api/companies/[id]/notes", area: "app", json: { fuzzAs: "support", readsBody: true },
    sample: (c) => ({ path: `/api/companies/${c.companyA.id}/notes`, body: {} }), expect: staff(422),
  },
  {
    kind: "api", method: "PUT", template: "/api/companies/[id]/push", area: "app", json: { fuzzAs: "clientA", readsBody: true },
    sample: (c) => ({ path: `/api/companies/${c.companyA.id}/push`, body: { enabled: false } }), expect: tenant(200),
  },
  {
    kind: "api", method: "POST", template: "/api/companies/[id]/setup-link", area: "app", json: { fuzzAs: "support", readsBody: false },
    sample: (c, role) => ({ path: `/api/companies/${isStaff(role) ? c.companyC.id : c.companyA.id}/setup-link` }), expect: staff(200),
  },
  {
    // Company C has a contact email: staff email it a fresh link (its old link stops working, as above).
    kind: "api", method: "POST", template: "/api/companies/[id]/setup-link/email", area: "app", json: { fuzzAs: "support", readsBody: false },
    sample: (c, role) => ({ path: `/api/companies/${isStaff(role) ? c.companyC.id : c.companyA.id}/setup-link/email` }), expect: staff(200),
  },
  {
    kind: "api", method: "PUT", template: "/api/companies/[id]/contact", area: "app", json: { fuzzAs: "support", readsBody: true },
    sample: (c) => ({ path: `/api/companies/${c.companyA.id}/contact`, body: {} }), expect: staff(422),
  },
  {
    kind: "api", method: "POST", template: "/api/companies/[id]/steps/[step]/reset", area: "app", json: { fuzzAs: "support", readsBody: false },
    // Company C has no saved progress: the service's 409 "nothing to reset" shows the guard let staff through.
    sample: (c, role) => ({ path: `/api/companies/${isStaff(role) ? c.companyC.id : c.companyA.id}/steps/push-user/reset` }), expect: staff(409),
  },
  {
    kind: "api", method: "GET", template: "/api/companies/[id]/test-pushes", area: "app", json: { fuzzAs: "clientA", readsBody: false },
    sample: (c) => ({ path: `/api/companies/${c.companyA.id}/test-pushes` }), expect: tenant(200),
  },
  {
    // Live updates (text/event-stream): the e2e server ends each stream after 2 s, so the body is read whole.
    kind: "api", method: "GET", template: "/api/companies/[id]/events", area: "app",
    sample: (c) => ({ path: `/api/companies/${c.companyA.id}/events` }), expect: tenant(200),
  },
  {
    // Company A's push is running or done: a start answers with it (or a new one), 202 either way.
    kind: "api", method: "POST", template: "/api/companies/[id]/test-pushes", area: "app", json: { fuzzAs: "clientA", readsBody: false },
    sample: (c) => ({ path: `/api/companies/${c.companyA.id}/test-pushes` }), expect: tenant(202),
  },
  {
    kind: "api", method: "GET", template: "/api/companies/[id]/test-pushes/[key]", area: "app", json: { fuzzAs: "clientA", readsBody: false },
    sample: (c) => ({ path: `/api/companies/${c.companyA.id}/test-pushes/${c.testPushA}` }), expect: tenant(200),
  },

  // ── Import, staff, settings, API keys ────────────────────────────────────────────────────
  { kind: "api", method: "GET", template: "/api/imports/candidates", area: "app", json: { fuzzAs: "support", readsBody: false }, sample: () => ({ path: "/api/imports/candidates" }), expect: staff(200) },
  { kind: "api", method: "POST", template: "/api/imports", area: "app", json: { fuzzAs: "support", readsBody: true }, sample: () => ({ path: "/api/imports", body: {} }), expect: staff(422) },
  { kind: "api", method: "GET", template: "/api/staff", area: "app", json: { fuzzAs: "admin", readsBody: false }, sample: () => ({ path: "/api/staff" }), expect: admin(200) },
  { kind: "api", method: "POST", template: "/api/staff", area: "app", json: { fuzzAs: "admin", readsBody: true }, sample: () => ({ path: "/api/staff", body: {} }), expect: admin(422) },
  {
    kind: "api", method: "PATCH", template: "/api/staff/[id]", area: "app", json: { fuzzAs: "admin", readsBody: true },
    sample: (c) => ({ path: `/api/staff/${c.spareStaffId}`, body: { active: false } }), expect: admin(200),
  },
  // CSV downloads (not JSON): the list with its filters, and one company's timeline.
  { kind: "api", method: "GET", template: "/api/companies.csv", area: "app", sample: () => ({ path: "/api/companies.csv?filter=stuck&step=before-start" }), expect: staff(200) },
  {
    kind: "api", method: "GET", template: "/api/companies/[id]/timeline.csv", area: "app",
    sample: (c) => ({ path: `/api/companies/${c.companyA.id}/timeline.csv` }), expect: staff(200),
  },
  { kind: "api", method: "GET", template: "/api/outbox", area: "app", json: { fuzzAs: "support", readsBody: false }, sample: () => ({ path: "/api/outbox" }), expect: staff(200) },
  { kind: "api", method: "GET", template: "/api/ops/codat-webhooks", area: "app", json: { fuzzAs: "support", readsBody: false }, sample: () => ({ path: "/api/ops/codat-webhooks" }), expect: staff(200) },
  { kind: "api", method: "GET", template: "/api/embed-settings", area: "app", json: { fuzzAs: "admin", readsBody: false }, sample: () => ({ path: "/api/embed-settings" }), expect: admin(200) },
  { kind: "api", method: "PUT", template: "/api/embed-settings", area: "app", json: { fuzzAs: "admin", readsBody: true }, sample: () => ({ path: "/api/embed-settings", body: {} }), expect: admin(422) },
  // The body is an image's bytes, not JSON: `{}` is refused by its signature (415) once the guard let it in.
  { kind: "api", method: "POST", template: "/api/embed-settings/logo", area: "app", sample: () => ({ path: "/api/embed-settings/logo", body: {} }), expect: admin(415) },
  { kind: "api", method: "DELETE", template: "/api/embed-settings/logo", area: "app", sample: () => ({ path: "/api/embed-settings/logo" }), expect: admin(200) },
  { kind: "api", method: "GET", template: "/api/settings", area: "app", json: { fuzzAs: "admin", readsBody: false }, sample: () => ({ path: "/api/settings" }), expect: admin(200) },
  { kind: "api", method: "PUT", template: "/api/settings", area: "app", json: { fuzzAs: "admin", readsBody: true }, sample: () => ({ path: "/api/settings", body: {} }), expect: admin(422) },
  { kind: "api", method: "GET", template: "/api/api-keys", area: "app", json: { fuzzAs: "admin", readsBody: false }, sample: () => ({ path: "/api/api-keys" }), expect: admin(200) },
  { kind: "api", method: "POST", template: "/api/api-keys", area: "app", json: { fuzzAs: "admin", readsBody: true }, sample: () => ({ path: "/api/api-keys", body: {} }), expect: admin(422) },
  {
    kind: "api", method: "DELETE", template: "/api/api-keys/[keyId]", area: "app", json: { fuzzAs: "admin", readsBody: false },
    sample: (c) => ({ path: `/api/api-keys/${c.spareApiKeyId}` }), expect: admin(200),
  },
  // Webhook endpoints: an id no endpoint has proves the guard was passed (404) without changing one.
  { kind: "api", method: "GET", template: "/api/webhook-endpoints", area: "app", json: { fuzzAs: "admin", readsBody: false }, sample: () => ({ path: "/api/webhook-endpoints" }), expect: admin(200) },
  { kind: "api", method: "POST", template: "/api/webhook-endpoints", area: "app", json: { fuzzAs: "admin", readsBody: true }, sample: () => ({ path: "/api/webhook-endpoints", body: {} }), expect: admin(422) },
  { kind: "api", method: "DELETE", template: "/api/webhook-endpoints/[id]", area: "app", json: { fuzzAs: "admin", readsBody: false }, sample: () => ({ path: `/api/webhook-endpoints/${NO_ENDPOINT}` }), expect: admin(404) },
  { kind: "api", method: "POST", template: "/api/webhook-endpoints/[id]/rotate", area: "app", json: { fuzzAs: "admin", readsBody: false }, sample: () => ({ path: `/api/webhook-endpoints/${NO_ENDPOINT}/rotate` }), expect: admin(404) },
  { kind: "api", method: "GET", template: "/api/webhook-endpoints/[id]/deliveries", area: "app", json: { fuzzAs: "admin", readsBody: false }, sample: () => ({ path: `/api/webhook-endpoints/${NO_ENDPOINT}/deliveries` }), expect: admin(404) },
  {
    kind: "api", method: "POST", template: "/api/webhook-endpoints/[id]/deliveries/[deliveryId]/replay", area: "app", json: { fuzzAs: "admin", readsBody: false },
    sample: () => ({ path: `/api/webhook-endpoints/${NO_ENDPOINT}/deliveries/${NO_ENDPOINT}/replay` }), expect: admin(404),
  },

  // ── Simulator (the simulated PC and Codat): public in simulator mode, 404 in live mode ───
  {
    kind: "api", method: "GET", template: "/api/sim/codat/[...path]", area: "simulator",
    sample: (c) => ({ path: "/api/sim/codat/companies?page=1&pageSize=1", headers: basic(c.simulatorApiKey) }), expect: all(200),
  },
  // Codat's API wants its key, not a session: without it every role is refused alike.
  {
    kind: "api", method: "POST", template: "/api/sim/codat/[...path]", area: "simulator",
    sample: () => ({ path: "/api/sim/codat/companies", body: { name: "No key" } }), expect: all(401),
  },
  {
    kind: "api", method: "PATCH", template: "/api/sim/codat/[...path]", area: "simulator",
    sample: (c) => ({ path: `/api/sim/codat/companies/${c.companyA.codatCompanyId}/connections/${c.companyA.codatCompanyId}`, body: { status: "Unlinked" } }),
    expect: all(401),
  },
  // Codat has no PUT or DELETE on these resources: 405 before anything else.
  ...(["PUT", "DELETE"] as const).map(
    (method): RouteEntry => ({
      kind: "api", method, template: "/api/sim/codat/[...path]", area: "simulator",
      sample: () => ({ path: "/api/sim/codat/companies", body: {} }), expect: all(405),
    }),
  ),
  { kind: "api", method: "GET", template: "/api/sim/config", area: "simulator", json: { fuzzAs: "anonymous", readsBody: false }, sample: () => ({ path: "/api/sim/config" }), expect: all(200) },
  { kind: "api", method: "PUT", template: "/api/sim/config", area: "simulator", json: { fuzzAs: "anonymous", readsBody: true }, sample: () => ({ path: "/api/sim/config", body: {} }), expect: all(200) },
  { kind: "api", method: "GET", template: "/api/sim/pc/[companyId]", area: "simulator", json: { fuzzAs: "anonymous", readsBody: false }, sample: (c) => ({ path: `/api/sim/pc/${c.companyA.codatCompanyId}` }), expect: all(200) },
  {
    kind: "api", method: "POST", template: "/api/sim/pc/[companyId]/actions", area: "simulator", json: { fuzzAs: "anonymous", readsBody: true },
    sample: (c) => ({ path: `/api/sim/pc/${c.companyC.codatCompanyId}/actions`, body: { type: "refreshSuppliers" } }), expect: all(200),
  },
  {
    kind: "api", method: "PUT", template: "/api/sim/pc/[companyId]/host", area: "simulator", json: { fuzzAs: "anonymous", readsBody: true },
    sample: (c) => ({ path: `/api/sim/pc/${c.companyC.codatCompanyId}/host`, body: { unknownField: true } }), expect: all(422),
  },
  {
    kind: "api", method: "POST", template: "/api/sim/seed-linked-company", area: "simulator", json: { fuzzAs: "anonymous", readsBody: true },
    sample: () => ({ path: "/api/sim/seed-linked-company", body: { unknownField: true } }), expect: all(422),
  },
  { kind: "api", method: "GET", template: "/api/sim/stats", area: "simulator", json: { fuzzAs: "anonymous", readsBody: false }, sample: () => ({ path: "/api/sim/stats" }), expect: all(200) },
  { kind: "api", method: "POST", template: "/api/sim/stats/reset", area: "simulator", json: { fuzzAs: "anonymous", readsBody: false }, sample: () => ({ path: "/api/sim/stats/reset" }), expect: all(200) },
  { kind: "api", method: "POST", template: "/api/sim/tick", area: "simulator", json: { fuzzAs: "anonymous", readsBody: false }, sample: () => ({ path: "/api/sim/tick" }), expect: all(200) },
  { kind: "api", method: "GET", template: "/api/sim/webhooks", area: "simulator", json: { fuzzAs: "anonymous", readsBody: false }, sample: () => ({ path: "/api/sim/webhooks?limit=1" }), expect: all(200) },
  {
    kind: "api", method: "POST", template: "/api/sim/webhooks/[deliveryId]/replay", area: "simulator", json: { fuzzAs: "anonymous", readsBody: false },
    sample: (c) => ({ path: `/api/sim/webhooks/${c.deliveryId}/replay` }), expect: all(200),
  },
  {
    kind: "api", method: "POST", template: "/api/sim/webhooks/connection-events", area: "simulator", json: { fuzzAs: "anonymous", readsBody: true },
    sample: () => ({ path: "/api/sim/webhooks/connection-events", body: { unknownField: true } }), expect: all(422),
  },
  // Write streams: the samples never start one (a load generator has no place in the matrix).
  {
    kind: "api", method: "POST", template: "/api/sim/write-streams", area: "simulator", json: { fuzzAs: "anonymous", readsBody: true },
    sample: () => ({ path: "/api/sim/write-streams", body: { unknownField: true } }), expect: all(422),
  },
  { kind: "api", method: "GET", template: "/api/sim/write-streams", area: "simulator", json: { fuzzAs: "anonymous", readsBody: false }, sample: () => ({ path: "/api/sim/write-streams" }), expect: all(200) },
  {
    kind: "api", method: "GET", template: "/api/sim/write-streams/[streamId]", area: "simulator", json: { fuzzAs: "anonymous", readsBody: false },
    sample: () => ({ path: "/api/sim/write-streams/00000000-0000-4000-8000-000000000000" }), expect: all(404),
  },
  {
    kind: "api", method: "DELETE", template: "/api/sim/write-streams/[streamId]", area: "simulator", json: { fuzzAs: "anonymous", readsBody: false },
    sample: () => ({ path: "/api/sim/write-streams/00000000-0000-4000-8000-000000000000" }), expect: all(404),
  },
];
