import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { test, expect, type APIResponse, type BrowserContext } from "@playwright/test";
import { ROLES, ROUTES, type MatrixContext, type Role } from "./support/route-registry";
import { prepareMatrixContext } from "./support/matrix-context";
import { createAppServer, createThrowawayDatabase, freePort } from "../lib/security/testing/app-server";
import { hashPassword } from "../lib/auth/passwords";
import { isEmbeddablePath } from "../lib/sage/embed-origins";
import { productionEnv } from "./support/production-env";
import { collectCspViolations } from "./support/csp-violations";

/**
 * Headers and cookies. On the browser tests' server (a local demo: no HTTPS): a CSP with a fresh
 * nonce on every answer, every script carrying it and no page breaking under it, the other security
 * headers, and HttpOnly SameSite=Lax session cookies. On a production server started here
 * (NODE_ENV=production, no DEMO, live Codat mode, https APP_URL): HSTS, Secure cookies, and every
 * simulator route answering 404.
 */
const root = path.resolve(import.meta.dirname, "..");

function expectSecurityHeaders(res: APIResponse, label: string) {
  const h = res.headers();
  const csp = h["content-security-policy"] ?? "";
  const script = csp.split("; ").find((d) => d.startsWith("script-src ")) ?? "";
  expect(script, `${label}: script-src`).toMatch(/'nonce-[A-Za-z0-9+/=]{16,}'/);
  expect(script, label).toContain("'strict-dynamic'");
  expect(script, label).not.toContain("unsafe-inline");
  // The client's pages may be framed by the listed origins; in demo mode by the app itself (/embed-demo).
  const embeddable = isEmbeddablePath(new URL(res.url()).pathname);
  expect(csp, label).toContain(embeddable ? "frame-ancestors 'self'" : "frame-ancestors 'none'");
  expect(h["x-content-type-options"], label).toBe("nosniff");
  expect(h["referrer-policy"], label).toBe("same-origin");
  expect(h["x-frame-options"], label).toBe(embeddable ? undefined : "DENY");
  expect(h["permissions-policy"], label).toContain("camera=()");
  return (/'nonce-([^']+)'/.exec(script) ?? [])[1] ?? "";
}

/** The role each page is looked at as: the first one the registry says gets it (200). */
function pagesWithViewer(): { template: string; role: Role }[] {
  return ROUTES.filter((r) => r.kind === "page" && r.method === "GET").flatMap((r) => {
    const role = (["anonymous", "clientA", "admin"] as const).find((x) => r.expect[x] === 200);
    return role ? [{ template: r.template, role }] : [];
  });
}

test.describe("on the local demo server", () => {
  let ctx: MatrixContext;
  const contexts = new Map<Role, BrowserContext>();

  test.beforeAll(async ({ browser }, testInfo) => {
    testInfo.setTimeout(120_000);
    for (const role of ROLES) contexts.set(role, await browser.newContext({ baseURL: testInfo.project.use.baseURL }));
    ctx = await prepareMatrixContext((role) => contexts.get(role)!.request, process.env.SIMULATOR_API_KEY ?? "simulator");
  });
  test.afterAll(async () => {
    for (const c of contexts.values()) await c.close();
  });

  test("every page, API answer and redirect carries the headers; each page's scripts carry that answer's fresh nonce", async () => {
    const seen = new Set<string>();
    for (const { template, role } of pagesWithViewer()) {
      const entry = ROUTES.find((r) => r.template === template && r.method === "GET")!;
      const { path: url } = entry.sample(ctx, role);
      const res = await contexts.get(role)!.request.get(url, { maxRedirects: 0 });
      expect(res.status(), url).toBe(200);
      const nonce = expectSecurityHeaders(res, url);
      expect(seen.has(nonce), `${url}: a nonce was used twice`).toBe(false);
      seen.add(nonce);
      expect(res.headers()["strict-transport-security"], "no HSTS on a plain-HTTP local run").toBeUndefined();
      const html = await res.text();
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      expect(scripts.length, url).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag, `${url}: a script without this answer's nonce`).toContain(`nonce="${nonce}"`);
    }
    const anonymous = contexts.get("anonymous")!.request;
    expectSecurityHeaders(await anonymous.get("/api/health"), "GET /api/health");
    expectSecurityHeaders(await anonymous.get("/api/companies"), "401 from /api/companies");
    expectSecurityHeaders(await anonymous.get("/support", { maxRedirects: 0 }), "redirect to sign-in");
  });

  test("no page breaks under the policy: no violation reported, the framework's scripts ran", async () => {
    test.setTimeout(120_000);
    for (const { template, role } of pagesWithViewer()) {
      const entry = ROUTES.find((r) => r.template === template && r.method === "GET")!;
      const page = await contexts.get(role)!.newPage();
      // None at all: zod, told not to probe for eval (instrumentation-client.ts), reports none either.
      const violations = await collectCspViolations(page);
      page.on("console", (m) => {
        if (/Permissions-Policy/.test(m.text())) violations.push(m.text());
      });
      // An open live-update stream would keep the network busy for ever: the page falls back to polling.
      await page.route("**/api/companies/*/events", (r) => r.abort());
      await page.goto(entry.sample(ctx, role).path);
      await page.waitForLoadState("networkidle");
      expect(await page.evaluate(() => Array.isArray((self as unknown as { __next_f?: unknown[] }).__next_f)), template).toBe(true);
      expect(violations, template).toEqual([]);
      await page.close();
    }
    // Interactive under the policy: the short-code form's server action answers in the page.
    const page = await contexts.get("anonymous")!.newPage();
    await page.goto("/go");
    await page.getByLabel("Setup code").fill("ZZZZ-ZZZ");
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByText("Type the 8 characters of the code")).toBeVisible();
    await page.close();
  });

  test("a form that loads zod on first focus reports no violation (zod does not probe for eval)", async () => {
    const page = await contexts.get("admin")!.newPage();
    const violations = await collectCspViolations(page);
    await page.goto("/support");
    await page.locator("summary", { hasText: "New setup" }).click();
    const name = page.getByRole("textbox", { name: "Company name" });
    await name.focus();
    await page.waitForLoadState("networkidle");
    await name.fill("A");
    await page.getByRole("button", { name: /Create setup/ }).click();
    await expect(page.getByText("Enter the company's name.")).toBeVisible();
    expect(violations).toEqual([]);
    await page.close();
  });

  test("session cookies are HttpOnly and SameSite=Lax, for staff and for clients", async ({ playwright, baseURL }) => {
    const api = await playwright.request.newContext({ baseURL });
    const csrf = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const signIn = await api.post("/api/auth/callback/staff", {
      form: { csrfToken: csrf.csrfToken, email: "support@example.com", password: "demo-support-2026", callbackUrl: "/support" },
      maxRedirects: 0,
    });
    const staffCookie = signIn.headersArray().find((h) => h.name.toLowerCase() === "set-cookie" && h.value.includes("session-token="));
    expect(staffCookie?.value).toMatch(/HttpOnly/i);
    expect(staffCookie?.value).toMatch(/SameSite=Lax/i);
    expect(staffCookie?.value, "not Secure on a plain-HTTP local run").not.toMatch(/;\s*Secure/i);
    const cookies = await contexts.get("clientA")!.cookies();
    const client = cookies.find((c) => c.name.endsWith("authjs.session-token"));
    expect(client).toMatchObject({ httpOnly: true, sameSite: "Lax" });
    await api.dispose();
  });
});

test.describe("on a production server", () => {
  const adminUrl = process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

  test("HSTS, Secure cookies, upgrade-insecure-requests; the simulator is 404 in live mode", async () => {
    test.setTimeout(150_000);
    const db = await createThrowawayDatabase(adminUrl);
    test.skip(db === null, `no PostgreSQL at ${adminUrl}`);
    if (!db) return;
    const dataDir = mkdtempSync(path.join(tmpdir(), "push-setup-strict-"));
    const port = await freePort();
    const server = await createAppServer({
      name: "strict",
      root,
      port,
      logDir: path.join(root, "test-results", "servers"),
      env: productionEnv({ databaseUrl: db.url, dataDir }),
    });
    try {
      await server.start();
      const health = (await (await fetch(`${server.url}/api/health`)).json()) as { codat: string };
      expect(health.codat).toBe("live");
      for (const p of ["/", "/sign-in", "/api/health", "/support"]) {
        const res = await fetch(`${server.url}${p}`, { redirect: "manual" });
        expect(res.headers.get("strict-transport-security"), p).toBe("max-age=63072000; includeSubDomains");
        expect(res.headers.get("content-security-policy"), p).toContain("upgrade-insecure-requests");
      }

      // A staff account (production seeds none), then sign in over the API.
      const email = "prod-staff@example.com";
      await db.query("insert into users (email, name, role, password_hash) values ($1, $2, 'support', $3)", [email, "Prod Staff", await hashPassword("prod-password-123")]);
      const csrfRes = await fetch(`${server.url}/api/auth/csrf`);
      const csrfCookies = csrfRes.headers.getSetCookie();
      for (const c of csrfCookies) expect(c, c.split("=")[0]).toMatch(/;\s*Secure/i);
      const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
      const signIn = await fetch(`${server.url}/api/auth/callback/staff`, {
        method: "POST",
        redirect: "manual",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: csrfCookies.map((c) => c.split(";")[0]).join("; ") },
        body: new URLSearchParams({ csrfToken, email, password: "prod-password-123", callbackUrl: "/support" }),
      });
      expect(signIn.status).toBe(302);
      expect(signIn.headers.get("location")).not.toContain("error");
      const session = signIn.headers.getSetCookie().find((c) => c.startsWith("__Secure-authjs.session-token="));
      expect(session, "the session cookie has the __Secure- prefix").toBeDefined();
      expect(session).toMatch(/;\s*Secure/i);
      expect(session).toMatch(/HttpOnly/i);
      expect(session).toMatch(/SameSite=Lax/i);

      // Live mode: the simulated PC and Codat do not exist.
      const fake: MatrixContext = {
        companyA: { id: randomUUID(), codatCompanyId: randomUUID() },
        companyB: { id: randomUUID(), codatCompanyId: randomUUID() },
        companyC: { id: randomUUID(), codatCompanyId: randomUUID() },
        testPushA: randomUUID(),
        spareStaffId: randomUUID(),
        spareApiKeyId: randomUUID(),
        deliveryId: "msg_0000000000",
        simulatorApiKey: "simulator",
      };
      for (const entry of ROUTES.filter((r) => r.area === "simulator")) {
        const sample = entry.sample(fake, "anonymous");
        const res = await fetch(`${server.url}${sample.path}`, {
          method: entry.method,
          headers: { "Content-Type": "application/json", ...sample.headers },
          body: entry.method === "GET" ? undefined : JSON.stringify(sample.body ?? {}),
          redirect: "manual",
        });
        expect(res.status, `${entry.method} ${entry.template} in live mode`).toBe(404);
      }
    } finally {
      await server.stop();
      await db.drop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
