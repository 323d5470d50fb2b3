import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { test, expect, type APIRequestContext, type APIResponse } from "@playwright/test";
import {
  ROLES,
  ROUTES,
  type MatrixContext,
  type Outcome,
  type Role,
  type RouteEntry,
} from "./support/route-registry";
import { prepareMatrixContext } from "./support/matrix-context";
import { exportedMethods, templateFromAppFile, templateFromManifestKey } from "./support/route-files";

const root = path.resolve(import.meta.dirname, "..");
const key = (method: string, template: string) => `${method} ${template}`;

test.describe.configure({ mode: "serial" });

/** Every (method, template) the app serves, from the source tree; and the build's own list. */
function appRoutes(): Set<string> {
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else {
        const r = templateFromAppFile(path.relative(path.join(root, "app"), full));
        if (!r) continue;
        const methods = r.file === "page" ? ["GET"] : exportedMethods(readFileSync(full, "utf8"));
        for (const m of methods) found.add(key(m, r.template));
      }
    }
  };
  walk(path.join(root, "app"));
  return found;
}

test("every route the app serves is in the registry, and nothing else is", () => {
  const registered = new Set(ROUTES.map((r) => key(r.method, r.template)));
  expect(registered.size, "no route is registered twice").toBe(ROUTES.length);
  const served = appRoutes();
  expect([...served].filter((k) => !registered.has(k)), "routes missing from e2e/support/route-registry.ts").toEqual([]);
  expect([...registered].filter((k) => !served.has(k)), "registry rows with no route behind them").toEqual([]);

  // The build is what the browser tests run: its routes must be the source's (a stale build fails here).
  const manifest = path.join(root, process.env.NEXT_DIST_DIR ?? ".next", "server", "app-paths-manifest.json");
  expect(existsSync(manifest), "run `next build` first").toBe(true);
  const built = Object.keys(JSON.parse(readFileSync(manifest, "utf8")) as Record<string, string>)
    .map(templateFromManifestKey)
    .filter((t): t is string => t !== null);
  const templates = new Set(ROUTES.map((r) => r.template));
  expect(built.filter((t) => !templates.has(t)), "built routes missing from the registry").toEqual([]);
  expect([...templates].filter((t) => !built.includes(t)), "registered routes missing from the build").toEqual([]);
});

let ctx: MatrixContext;
const sessions = new Map<Role, APIRequestContext>();

test.beforeAll(async ({ playwright }, testInfo) => {
  testInfo.setTimeout(120_000);
  for (const role of ROLES) sessions.set(role, await playwright.request.newContext({ baseURL: testInfo.project.use.baseURL }));
  ctx = await prepareMatrixContext((role) => sessions.get(role)!, process.env.SIMULATOR_API_KEY ?? "simulator");
});

test.afterAll(async () => {
  for (const s of sessions.values()) await s.dispose();
});

async function call(session: APIRequestContext, entry: RouteEntry, role: Role): Promise<APIResponse> {
  const sample = entry.sample(ctx, role);
  return session.fetch(sample.path, {
    method: entry.method,
    headers: sample.headers,
    ...(sample.body === undefined ? {} : { data: sample.body }),
    maxRedirects: 0,
  });
}

/** Why a response does not match the expected outcome, or null when it does. */
async function mismatch(res: APIResponse, expected: Outcome, entry: RouteEntry): Promise<string | null> {
  const status = res.status();
  const location = res.headers()["location"] ?? "";
  const where = location ? new URL(location, "http://x").pathname + new URL(location, "http://x").search : "";
  if (expected === "sign-in") {
    return status >= 300 && status < 400 && where.startsWith("/sign-in?callbackUrl=") ? null : `${status} ${where}`;
  }
  if (typeof expected === "object") {
    return status >= 300 && status < 400 && where.startsWith(expected.redirect) ? null : `${status} ${where}`;
  }
  if (status !== expected) return `${status} ${where || (await res.text()).slice(0, 160)}`;
  // Our JSON APIs answer every refusal in one shape (Auth.js and Codat's simulated API have their own).
  const ours = entry.kind === "api" && entry.area !== "auth" && !entry.template.startsWith("/api/sim/codat");
  if (ours && status >= 400) {
    const body = (await res.json().catch(() => null)) as { error?: { code?: unknown; message?: unknown } } | null;
    if (typeof body?.error?.code !== "string" || typeof body.error.message !== "string") return `${status} without { error: { code, message } }`;
  }
  return null;
}

test("every route answers each role as the registry says", async () => {
  test.setTimeout(180_000);
  const problems: string[] = [];
  for (const entry of ROUTES) {
    for (const role of ROLES) {
      const res = await call(sessions.get(role)!, entry, role);
      const why = await mismatch(res, entry.expect[role], entry);
      if (why) problems.push(`${entry.method} ${entry.template} as ${role}: expected ${JSON.stringify(entry.expect[role])}, got ${why}`);
    }
  }
  expect(problems).toEqual([]);
});

test("the integrator API opens with a live API key only", async () => {
  const admin = sessions.get("admin")!;
  const anonymous = sessions.get("anonymous")!;
  const created = await admin.post("/api/api-keys", { data: { name: "Matrix integrator", scopes: ["read", "write"] } });
  const { id, key: apiKey } = (await created.json()) as { id: string; key: string };
  const path = `/api/v1/companies/${ctx.companyA.codatCompanyId}/push-readiness`;
  const ok = await anonymous.get(path, { headers: { Authorization: `Bearer ${apiKey}` } });
  expect(ok.status()).toBe(200);
  expect(((await ok.json()) as { companyId: string }).companyId).toBe(ctx.companyA.id);
  expect((await anonymous.get(path, { headers: { Authorization: `Bearer ${apiKey}x` } })).status()).toBe(401);
  expect((await admin.delete(`/api/api-keys/${id}`)).status()).toBe(200);
  const revoked = await anonymous.get(path, { headers: { Authorization: `Bearer ${apiKey}` } });
  expect(revoked.status()).toBe(401);
  expect(JSON.stringify(await revoked.json())).not.toContain(apiKey);
});

test("an API key does only what its scopes allow", async () => {
  const admin = sessions.get("admin")!;
  const anonymous = sessions.get("anonymous")!;
  const created = await admin.post("/api/api-keys", { data: { name: "Matrix reader", scopes: ["read"] } });
  const { id, key } = (await created.json()) as { id: string; key: string };
  const headers = { Authorization: `Bearer ${key}` };
  expect((await anonymous.get(`/api/v1/setups/${ctx.companyA.id}`, { headers })).status()).toBe(200);
  const refused = await anonymous.post("/api/v1/setups", { headers, data: { externalId: "matrix-reader", name: "Reader's client" } });
  expect(refused.status()).toBe(403);
  expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("insufficient_scope");
  expect((await admin.delete(`/api/api-keys/${id}`)).status()).toBe(200);
});
