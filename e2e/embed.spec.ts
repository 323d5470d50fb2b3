import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { createAppServer, createThrowawayDatabase, freePort } from "../lib/security/testing/app-server";
import { openDb } from "../lib/db/client";
import { insertCompany } from "../lib/db/queries/companies";
import { issueSetupLink } from "../lib/setup-links/issue-setup-link";
import { actorRef } from "../lib/auth/actor";
import AxeBuilder from "@axe-core/playwright";
import { test, expect, expectAccessible, signInByApi } from "./support/fixtures";
import { createSetupAsSupport } from "./support/api";
import { productionEnv } from "./support/production-env";

/**
 * The wizard inside the integrator's app: /embed-demo (the fake host page, demo mode) opens a client's
 * wizard with /embed.js in an accessible dialog and logs its events; a page on an origin admins did
 * not list cannot frame the wizard at all, and can once it is listed.
 */

const log = (page: import("@playwright/test").Page) => page.getByRole("list", { name: "Events received" });

test("the demo host opens the wizard in a dialog; a step completed inside it reaches the host; Escape closes and gives focus back", async ({ page }) => {
  await page.goto("/embed-demo");
  await page.waitForFunction(() => "SagePushSetup" in window);
  const opener = page.getByRole("button", { name: "Connect Sage 50" });
  await opener.click();

  const dialog = page.getByRole("dialog", { name: /set up Sage 50/i });
  await expect(dialog).toBeVisible({ timeout: 20_000 });
  await expect(dialog).toHaveAttribute("aria-modal", "true");
  const close = page.getByRole("button", { name: "Close the Sage 50 setup" });
  await expect(close).toBeFocused();
  expect(await page.evaluate(() => document.documentElement.style.overflow)).toBe("hidden");

  const wizard = page.frameLocator('iframe[title="Sage 50 push setup"]');
  await expect(wizard.getByRole("heading", { level: 1, name: "Before you start" })).toBeVisible({ timeout: 20_000 });
  await expect(log(page)).toContainText("1. onEvent: ready2. onReady3. onEvent: step_viewed, step before-start");
  await expect(log(page)).toContainText("onReady");
  await expect(log(page)).toContainText("onEvent: step_viewed, step before-start");
  // The branding travels with `ready`: the dialog's title names the integrator.
  await expect(dialog).toHaveAccessibleName(/: set up Sage 50$/);

  // Tab from the close button goes into the wizard, never out to the host page behind.
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("IFRAME");
  await page.keyboard.press("Shift+Tab");
  await expect(close).toBeFocused();
  await page.keyboard.press("Shift+Tab");
  expect(await page.evaluate(() => document.activeElement?.closest('[role="dialog"]') !== null)).toBe(true);

  // Inside the iframe: the integrator's bar and the wizard only; no site header, navigation or Sign out.
  await expect(wizard.getByRole("button", { name: "Sign out" })).toHaveCount(0);
  await expect(wizard.getByRole("navigation", { name: "Main" })).toHaveCount(0);
  await expect(wizard.getByRole("navigation", { name: "Setup steps" })).toBeVisible();
  await expect(wizard.getByRole("banner")).toHaveCount(0);
  await expect(wizard.getByRole("link", { name: /^(Staff sign in|Support|Admin|Connection health)$/ })).toHaveCount(0);
  await expect(wizard.getByRole("button", { name: "Exit setup" })).toBeVisible();

  // Axe runs in every frame of the page, so this covers the wizard inside the iframe too; and once
  // on the iframe's own document on its own.
  await expectAccessible(page, "/embed-demo with the wizard open");
  const inFrame = await new AxeBuilder({ page }).include('iframe[title="Sage 50 push setup"]').withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  expect(inFrame.violations.map((v) => v.id), "axe inside the iframe").toEqual([]);
  await page.screenshot({ path: "test-results/embed-demo-open.png" });

  await wizard.getByRole("button", { name: "Continue" }).click();
  await expect(wizard.getByRole("heading", { level: 1, name: "Create the push user in Sage 50" })).toBeVisible({ timeout: 20_000 });
  await expect(log(page)).toContainText("onEvent: step_completed, step before-start");
  await expect(log(page)).toContainText("onEvent: step_viewed, step push-user");

  // Escape inside the wizard asks the host to close (exit); focus returns to the button that opened it.
  await wizard.getByRole("heading", { level: 1 }).press("Escape");
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
  await expect(log(page)).toContainText("onEvent: exit, reason escape");
  await expect(log(page)).toContainText("onExit: exit, step push-user, reason escape");
  expect(await page.evaluate(() => document.documentElement.style.overflow)).toBe("");

  // The wizard's own Exit setup button leaves through the same `exit` event.
  await opener.click();
  await expect(dialog).toBeVisible({ timeout: 20_000 });
  // Once the new wizard said it is ready (its islands are live), not before.
  await expect(log(page).getByText(/onReady$/)).toHaveCount(2, { timeout: 20_000 });
  await wizard.getByRole("button", { name: "Exit setup" }).click();
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
  await expect(log(page)).toContainText("onEvent: exit, reason exit_button");

  // Escape on the host page closes too.
  await opener.click();
  await expect(dialog).toBeVisible({ timeout: 20_000 });
  await expect(close).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();

  // The same browser opening the wizard in a tab of its own (it shares the frame's cookies: the host
  // page is on the app's site) gets the site's header back, and no Exit setup.
  const tab = await page.context().newPage();
  await tab.goto("/setup/push-user");
  await expect(tab.getByRole("banner").getByRole("link", { name: "Connection health" })).toBeVisible();
  await expect(tab.getByRole("button", { name: "Exit setup" })).toHaveCount(0);
  await tab.close();
  // …while the frame, opened again, is still without it.
  await opener.click();
  await expect(wizard.getByRole("navigation", { name: "Setup steps" })).toBeVisible({ timeout: 20_000 });
  await expect(wizard.getByRole("banner")).toHaveCount(0);
  await expect(wizard.getByRole("button", { name: "Exit setup" })).toBeVisible();
});

test.describe("a page on another origin", () => {
  let server: Server;
  let hostOrigin = "";
  let wizardUrl = "";

  test.beforeAll(async () => {
    server = createServer((req, res) => {
      const src = new URL(req.url ?? "/", "http://x").searchParams.get("src") ?? "";
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(
        `<!doctype html><html lang="en"><title>Other app</title><h1>Other app</h1>` +
          `<iframe title="framed" src="${src.replace(/"/g, "&quot;")}" width="900" height="600"></iframe>` +
          `<script>window.received=[];addEventListener("message",function(e){window.received.push({origin:e.origin,data:e.data})});</script>`,
      );
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    hostOrigin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  test.afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  test("cannot frame the wizard until an admin lists it; then it can, and hears the events", async ({ page, request, baseURL }) => {
    const setup = await createSetupAsSupport(request, "Framed Elsewhere Ltd");
    wizardUrl = `${setup.setupLink.url}?embedOrigin=${encodeURIComponent(hostOrigin)}`;

    // The headers say so: only the app itself (demo) may frame the client's pages; no other origin.
    const go = await request.get("/go");
    expect(go.headers()["content-security-policy"]).toMatch(/frame-ancestors 'self'(;|$)/);
    expect(go.headers()["content-security-policy"]).not.toContain(hostOrigin);

    // And the browser obeys: the framed wizard never shows.
    const blocked = page.waitForEvent("console", { predicate: (m) => /frame-ancestors/.test(m.text()), timeout: 20_000 });
    await page.goto(`${hostOrigin}/?src=${encodeURIComponent(wizardUrl)}`);
    await blocked;
    const framed = page.frameLocator('iframe[title="framed"]');
    await expect(framed.getByRole("heading", { name: "Before you start" })).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { received: unknown[] }).received)).toEqual([]);

    // An admin lists the origin (allowed outside production as http://127.0.0.1:<port>).
    await signInByApi(request, "admin");
    const saved = await request.put("/api/embed-settings", { data: { allowedOrigins: [hostOrigin], logo: "acme-books", primaryColour: "#0f5132" } });
    expect(saved.status(), await saved.text()).toBe(200);
    expect(await (await request.get("/brand.css")).text(), "the wizard's buttons take the colour").toContain("--color-brand-600:#0f5132;");
    const refused = await request.put("/api/embed-settings", { data: { allowedOrigins: ["https://*.example.com"], logo: "none", primaryColour: "#ffcc00" } });
    expect(refused.status()).toBe(422);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("validation_failed");
    const now = await request.get("/go");
    expect(now.headers()["content-security-policy"]).toContain(`frame-ancestors 'self' ${hostOrigin}`);
    expect((await request.get("/support")).headers()["content-security-policy"]).toContain("frame-ancestors 'none'");

    try {
      await page.goto(`${hostOrigin}/?src=${encodeURIComponent(wizardUrl)}`);
      await expect(framed.getByRole("heading", { level: 1, name: "Before you start" })).toBeVisible({ timeout: 20_000 });
      await expect(framed.locator('img[src="/img/brand/acme-books.png"]')).toBeAttached();
      await expect(framed.getByRole("button", { name: "Sign out" })).toHaveCount(0);
      await expect(framed.getByRole("navigation", { name: "Main" })).toHaveCount(0);
      await expect
        .poll(() => page.evaluate(() => (window as unknown as { received: { origin: string; data: { type: string } }[] }).received.map((m) => `${m.origin} ${m.data.type}`)))
        .toEqual(expect.arrayContaining([`${baseURL} ready`, `${baseURL} step_viewed`]));
    } finally {
      await request.put("/api/embed-settings", { data: { allowedOrigins: [], logo: "none", primaryColour: "#174bb0" } });
    }
  });
});

test("on a production server (HTTPS): an embedded client's session cookie is SameSite=None; Secure; Partitioned, any other stays Lax; frame-ancestors lists only the admins' origins", async () => {
  test.setTimeout(150_000);
  const adminUrl = process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const db = await createThrowawayDatabase(adminUrl);
  test.skip(db === null, `no PostgreSQL at ${adminUrl}`);
  if (!db) return;
  const dataDir = mkdtempSync(path.join(tmpdir(), "push-setup-embed-"));
  const appUrl = "https://push.example.test";
  const server = await createAppServer({
    name: "embed-strict",
    root: path.resolve(import.meta.dirname, ".."),
    port: await freePort(),
    logDir: path.join(import.meta.dirname, "..", "test-results", "servers"),
    env: productionEnv({ databaseUrl: db.url, dataDir, appUrl }),
  });
  try {
    await server.start();
    const handle = await openDb({ url: db.url });
    const company = await insertCompany(handle.db, { name: "Embedded Prod Ltd", flow: "new", codatCompanyId: randomUUID(), codatConnectionId: null, connectionStatus: null, linkUrl: null, createdBy: null });
    const link = await issueSetupLink(handle.db, { companyId: company.id, actor: actorRef({ type: "system" }), appUrl });
    await handle.close();
    await db.query("insert into embed_settings (id, allowed_origins) values (1, $1) on conflict (id) do update set allowed_origins = excluded.allowed_origins", [["https://app.example.com"]]);

    const open = async (query: string) => {
      const res = await fetch(`${server.url}/s/${link.token}${query}`, { redirect: "manual" });
      expect([302, 303, 307], await res.text()).toContain(res.status);
      return res.headers.getSetCookie();
    };
    const embedded = await open(`?embedOrigin=${encodeURIComponent("https://app.example.com")}`);
    const sessions = embedded.filter((c) => c.startsWith("__Secure-authjs.session-token="));
    expect(sessions).toHaveLength(1);
    expect(sessions[0]).toMatch(/;\s*Secure/i);
    expect(sessions[0]).toMatch(/SameSite=None/i);
    expect(sessions[0]).toMatch(/;\s*Partitioned/i);
    expect(sessions[0]).toMatch(/HttpOnly/i);
    const origin = embedded.find((c) => c.startsWith("embed-origin="));
    expect(origin).toMatch(/^embed-origin=https%3A%2F%2Fapp\.example\.com;/);
    expect(origin).toMatch(/Partitioned/i);

    // Not embedded, or from an origin nobody listed: the usual Lax cookie, and no embed origin kept.
    for (const query of ["", `?embedOrigin=${encodeURIComponent("https://evil.example.com")}`]) {
      const plain = await open(query);
      const session = plain.find((c) => c.startsWith("__Secure-authjs.session-token="));
      expect(session, query).toMatch(/SameSite=Lax/i);
      expect(session, query).not.toMatch(/Partitioned/i);
      expect(plain.find((c) => c.startsWith("embed-origin=")) ?? "embed-origin=;", query).toMatch(/^embed-origin=;/);
    }

    // The proxy's copy of the list catches up within its refresh: no 'self' in production.
    await expect
      .poll(async () => (await fetch(`${server.url}/go`)).headers.get("content-security-policy") ?? "", { timeout: 20_000 })
      .toMatch(/frame-ancestors https:\/\/app\.example\.com(;|$)/);
    expect((await fetch(`${server.url}/sign-in`)).headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect((await fetch(`${server.url}/embed-demo`)).status, "no demo host page in production").toBe(404);
  } finally {
    await server.stop();
    await db.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
