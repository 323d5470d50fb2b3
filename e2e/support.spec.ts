import { randomUUID } from "node:crypto";
import type { APIRequestContext, Page } from "@playwright/test";
import { test, expect, expectAccessible, signInByApi } from "./support/fixtures";
import { createSetupAsSupport, openAsClient, type CreatedSetup } from "./support/api";

/** One action on the simulated Sage 50 PC (the simulator's control API plays the client's PC). */
async function onPc(request: APIRequestContext, codatCompanyId: string, action: Record<string, unknown>) {
  const res = await request.post(`/api/sim/pc/${codatCompanyId}/actions`, { data: action });
  expect(res.ok(), `PC action ${String(action.type)}: ${await res.text()}`).toBe(true);
}

/**
 * A setup whose latest test push failed: the client gave the connector the same Sage 50 login they
 * use every day (SARAH) and Sage 50 is open with it, so the push meets a login already in use.
 */
async function failingSetup(request: APIRequestContext, name: string): Promise<CreatedSetup> {
  const setup = await createSetupAsSupport(request, name);
  const pc = setup.company.codatCompanyId;
  await onPc(request, pc, { type: "createSageUser", name: "SARAH", userType: "Administrator", password: "day2day" });
  await onPc(request, pc, { type: "openSage", username: "SARAH", password: "day2day" });
  await onPc(request, pc, { type: "installConnector", licenseKey: pc });
  await onPc(request, pc, { type: "chooseDataFile" });
  await onPc(request, pc, { type: "saveCredentials", username: "SARAH", password: "day2day" });
  await onPc(request, pc, { type: "confirmCompany" });
  const started = await request.post(`/api/companies/${setup.company.id}/test-pushes`, {
    headers: { "Idempotency-Key": `e2e-${randomUUID()}` },
  });
  expect(started.status(), await started.text()).toBe(202);
  await expect
    .poll(
      async () => {
        const res = await request.get(`/api/companies/${setup.company.id}/test-pushes`);
        return ((await res.json()) as { testPush?: { status?: string } }).testPush?.status;
      },
      { timeout: 45_000, intervals: [1_000] },
    )
    .toBe("failed");
  return setup;
}

async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
}

test("support filters to a failing company, reads the diagnosis, runs a test push and sees it in the timeline", async ({ page, request, loginAs }) => {
  const name = `Failing Foods ${randomUUID().slice(0, 6)} Ltd`;
  await failingSetup(request, name);
  await loginAs("support");

  await page.goto("/support");
  await expect(page.getByRole("heading", { level: 1, name: "Setups" })).toBeVisible();
  await page.getByRole("navigation", { name: "Filter setups" }).getByRole("link", { name: "Failing", exact: true }).click();
  await expect(page).toHaveURL(/\/support\?filter=failing$/);
  await expect(page.getByRole("navigation", { name: "Filter setups" }).getByRole("link", { name: "Failing", exact: true })).toHaveAttribute(
    "aria-current",
    "page",
  );
  const row = page.getByRole("row", { name: new RegExp(name) });
  await expect(row).toBeVisible();
  await expect(row.getByText("Failed", { exact: true })).toBeVisible();
  await expectAccessible(page, "support list, failing");
  await screenshot(page, "support-list-failing");

  await row.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  const diagnosis = page.getByRole("region", { name: /Diagnosis/ });
  await expect(diagnosis.getByRole("heading", { name: "Diagnosis: Sage 50 login already in use" })).toBeVisible();
  await expect(diagnosis.getByRole("heading", { name: "What to tell the client" })).toBeVisible();
  await expect(diagnosis.getByRole("link", { name: /Help page/ })).toHaveAttribute("href", /^\/help\/[a-z0-9-]+$/);
  await expect(page.getByText("Everyday logins", { exact: true })).toBeVisible();

  const timeline = page.getByTestId("timeline");
  const startedBefore = await timeline.getByText("started a test push").count();
  await page.getByRole("button", { name: "Run a test push" }).click();
  await expect(page.getByRole("status").filter({ hasText: /Test push (sent|started)|The test push/ })).toBeVisible();
  await expect(timeline.getByText("started a test push")).toHaveCount(startedBefore + 1);
  await expect(timeline.getByRole("listitem").first()).toContainText("Sam Support (support)");
  await expectAccessible(page, "support company page");
  await screenshot(page, "support-company-page");
});

test("support filters and searches through the URL, and sorts with links", async ({ page, request, loginAs }) => {
  const word = `Quokka${randomUUID().slice(0, 6)}`;
  await createSetupAsSupport(request, `${word} Quarries Ltd`);
  await createSetupAsSupport(request, `${word} Quilts Ltd`);
  await loginAs("support");
  await page.goto("/support?q=zzzz-nothing-matches");
  await expect(page.getByRole("heading", { name: "No setups match “zzzz-nothing-matches”" })).toBeVisible();
  await expectAccessible(page, "support list, no match");
  await page.getByRole("link", { name: "Show all setups" }).click();
  await expect(page).toHaveURL(/\/support$/);

  await page.getByLabel("Search by company name or Codat company ID").fill(`${word.toLowerCase()} qu`);
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`q=${word.toLowerCase()}`));
  await expect(page.getByRole("row")).toHaveCount(3);
  const companyHeader = page.getByRole("columnheader", { name: /Company/ });
  await companyHeader.getByRole("link").click();
  await expect(page).toHaveURL(/sort=name/);
  await expect(page.getByRole("columnheader", { name: /Company/ })).toHaveAttribute("aria-sort", "ascending");
  await expect(page.getByRole("row").nth(1)).toContainText("Quarries");
  await page.getByRole("columnheader", { name: /Company/ }).getByRole("link").click();
  await expect(page).toHaveURL(/sort=name&dir=desc/);
  await expect(page.getByRole("row").nth(1)).toContainText("Quilts");
  await screenshot(page, "support-list");
});

test("admin renews a setup link; the old link stops working and the new one opens the setup", async ({ page, browser, request, loginAs }) => {
  const setup = await createSetupAsSupport(request, `Renewed Rentals ${randomUUID().slice(0, 6)} Ltd`);
  await loginAs("admin");
  await page.goto(`/support/companies/${setup.company.id}`);
  await page.getByRole("button", { name: "Renew the setup link" }).click();
  await expect(page.getByRole("button", { name: "Yes, issue a new link" })).toBeFocused();
  await expectAccessible(page, "renew confirmation");
  await page.getByRole("button", { name: "Yes, issue a new link" }).click();
  const newUrl = (await page.getByTestId("issued-setup-url").textContent())?.trim() ?? "";
  expect(newUrl).toMatch(/\/s\//);
  expect(newUrl).not.toBe(setup.setupLink.url);
  await expect(page.getByTestId("timeline").getByRole("listitem").first()).toContainText("Alex Admin (admin) issued a setup link");

  const old = await openAsClient(browser, setup.setupLink.url);
  await expect(old.page.getByRole("heading", { name: "This setup link has been replaced" })).toBeVisible();
  await old.context.close();
  const fresh = await openAsClient(browser, newUrl);
  await expect(fresh.page).toHaveURL(/\/setup/);
  await fresh.context.close();
});

test("showing the license key is recorded in the timeline", async ({ page, request, loginAs }) => {
  const setup = await createSetupAsSupport(request, `Keyed Kitchens ${randomUUID().slice(0, 6)} Ltd`);
  await loginAs("support");
  await page.goto(`/support/companies/${setup.company.id}`);
  await expect(page.getByTestId("license-key")).not.toContainText(setup.company.codatCompanyId);
  await page.getByRole("button", { name: "Show license key" }).click();
  await expect(page.getByTestId("license-key")).toHaveText(setup.company.codatCompanyId);
  await expect(page.getByTestId("timeline").getByRole("listitem").first()).toContainText("looked at the license key");
});

test("support creates a setup from the list and gets its link once", async ({ page, loginAs }) => {
  await loginAs("support");
  await page.goto("/support");
  await page.locator("summary", { hasText: "New setup" }).click();
  await page.getByLabel("Company name", { exact: true }).fill(`Fresh Fields ${randomUUID().slice(0, 6)} Ltd`);
  await page.getByLabel("Contact email (optional)", { exact: true }).fill("owner@fresh.example");
  await page.getByRole("button", { name: "Create setup and link" }).click();
  await expect(page.getByTestId("issued-short-code")).toHaveText(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  await expectAccessible(page, "new setup created");
  await page.getByRole("link", { name: /^Open Fresh Fields/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Fresh Fields/ })).toBeVisible();
});

test("admin invites a staff member, and deactivating them ends their session at once", async ({ page, browser, loginAs }) => {
  await loginAs("admin");
  await page.goto("/support/admin");
  await expect(page.getByRole("heading", { level: 1, name: "Admin" })).toBeVisible();
  const email = `new-${randomUUID().slice(0, 6)}@example.com`;
  await page.getByLabel("Name", { exact: true }).fill("Nora New");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByRole("button", { name: "Create account" }).click();
  const password = (await page.getByTestId("one-time-password").textContent())?.trim() ?? "";
  expect(password).toMatch(/^[a-z0-9]{4}(-[a-z0-9]{4}){3}$/);
  await expectAccessible(page, "admin page");
  await screenshot(page, "support-admin");

  const nora = await browser.newContext();
  const { csrfToken } = (await (await nora.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const signIn = await nora.request.post("/api/auth/callback/staff", { form: { csrfToken, email, password, callbackUrl: "/support" }, maxRedirects: 0 });
  expect(signIn.status()).toBe(302);
  expect((await nora.request.get("/api/companies")).status()).toBe(200);

  const row = page.getByRole("row", { name: new RegExp(email) });
  await row.getByRole("button", { name: "Deactivate Nora New" }).click();
  await row.getByRole("button", { name: "Yes, deactivate" }).click();
  await expect(row.getByText("Deactivated", { exact: true })).toBeVisible();
  expect((await nora.request.get("/api/companies")).status()).toBe(401);
  await nora.close();
});

test("clients never reach the support console; support cannot change staff or settings", async ({ browser, request, page, loginAs }) => {
  const setup = await createSetupAsSupport(request, `Client Only ${randomUUID().slice(0, 6)} Ltd`);
  const client = await openAsClient(browser, setup.setupLink.url);
  for (const path of ["/support", `/support/companies/${setup.company.id}`, "/support/admin"]) {
    await client.page.goto(path);
    await expect(client.page.getByRole("heading", { name: "This page is not available to you" })).toBeVisible();
  }
  await expectAccessible(client.page, "403 page");
  expect((await client.page.request.post(`/api/companies/${setup.company.id}/notes`, { data: { text: "hi" } })).status()).toBe(403);
  await client.context.close();

  await loginAs("support");
  await page.goto("/support/admin");
  await expect(page.getByRole("heading", { name: "This page is not available to you" })).toBeVisible();
  expect((await page.request.get("/api/staff")).status()).toBe(403);
  const put = await page.request.put("/api/settings", { data: { integratorName: "X Pay", pushCurrencies: [], supportContact: "x@example.com" } });
  expect(put.status()).toBe(403);
});

test("every support page passes axe", async ({ page, request, loginAs }) => {
  test.setTimeout(180_000);
  const setup = await createSetupAsSupport(request, `Axe Check ${randomUUID().slice(0, 6)} Ltd`);
  await signInByApi(request, "support");
  await request.post(`/api/companies/${setup.company.id}/notes`, { data: { text: "Called the client: PC is in the back office." } });
  await loginAs("admin");
  for (const path of [
    "/support",
    "/support?filter=stuck",
    "/support?filter=waiting&sort=test-push&dir=asc",
    "/support?page=999",
    `/support/companies/${setup.company.id}`,
    "/support/admin",
  ]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
    await expectAccessible(page, path);
  }
  await page.goto("/support");
  await page.locator("summary", { hasText: "New setup" }).click();
  await page.getByRole("button", { name: "Create setup and link" }).click();
  await expect(page.getByText("Enter the company's name.")).toBeVisible();
  await expectAccessible(page, "new setup form with errors");

  // On a phone: the table scrolls inside its own focusable region; the company page stacks.
  await page.setViewportSize({ width: 390, height: 844 });
  for (const path of ["/support", `/support/companies/${setup.company.id}`]) {
    await page.goto(path);
    await expectAccessible(page, `${path} on a phone`);
  }
  await screenshot(page, "support-company-page-phone");
});
