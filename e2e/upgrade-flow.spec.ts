import { randomUUID } from "node:crypto";
import type { APIRequestContext } from "@playwright/test";
import { test, expect, expectAccessible, signInByApi } from "./support/fixtures";
import { expectStep, openAsClient, sagePc, useFastSimulator } from "./support/wizard-helpers";

/**
 * Flow 2, "existing pull-only company": a company already linked for pulling (its connector logs in
 * as SARAH, who has Sage 50 open) is invited from /support/import, then upgrades on the same connector.
 *
 * The client goes through the wizard's pages; the Sage 50 PC is played by the simulator's control API.
 */

const SIM_AUTH = `Basic ${Buffer.from("simulator").toString("base64")}`;
const PUSH_PASSWORD = "Push2026";

type Seeded = { companyId: string; connectionId: string };
type ImportResult =
  | { codatCompanyId: string; ok: true; company: { id: string; name: string }; setupLink: { url: string; shortCode: string } }
  | { codatCompanyId: string; ok: false; code: string; message: string; existing?: { companyId: string; name: string } };
type TestPush = { status: string; diagnosis: { code: string; title: string; clientSteps: string[] } };

async function seedPullOnly(request: APIRequestContext, name: string): Promise<Seeded> {
  const res = await request.post("/api/sim/seed-linked-company", {
    data: { name, everydayUser: "SARAH", everydayUserType: "Administrator", sageOpen: true },
  });
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()) as Seeded;
}

/** A Codat company with no connection at all (created on the simulator's Codat API). */
async function codatCompanyWithoutSage(request: APIRequestContext, name: string): Promise<string> {
  const res = await request.post("/api/sim/codat/companies", { data: { name }, headers: { authorization: SIM_AUTH } });
  expect(res.status(), await res.text()).toBe(200);
  return ((await res.json()) as { id: string }).id;
}

async function importIds(request: APIRequestContext, ids: string[]): Promise<ImportResult[]> {
  const res = await request.post("/api/imports", { data: { codatCompanyIds: ids } });
  expect(res.status(), await res.text()).toBe(200);
  return ((await res.json()) as { results: ImportResult[] }).results;
}

test("support invites a pull-only company; the client upgrades it to push on the same connector", async ({ browser, page, loginAs }, info) => {
  test.setTimeout(150_000);
  const suffix = randomUUID().slice(0, 6);
  const name = `Upgrade Flow ${suffix} Ltd`;
  const seeded = await seedPullOnly(page.request, name);
  await useFastSimulator(page.request);

  // Support finds the company on /support/import and invites it.
  await loginAs("support");
  await page.goto(`/support/import?q=${encodeURIComponent(suffix)}`);
  await expect(page.getByRole("heading", { name: "Invite pull-only companies" })).toBeVisible();
  const row = page.getByRole("row", { name: new RegExp(name) });
  await expect(row.getByText("Linked", { exact: true })).toBeVisible();
  await expect(row.getByText("Ready to invite")).toBeVisible();
  await expectAccessible(page, "/support/import");
  await page.screenshot({ path: "test-results/screens/import-page.png", fullPage: true, animations: "disabled" });
  await page.getByRole("checkbox", { name }).check();
  await expect(page.getByRole("heading", { name: "Selected (1)" })).toBeVisible();
  await page.getByRole("button", { name: "Invite selected (1)" }).click();
  await expect(page.getByTestId("import-progress-text")).toHaveText("Finished: 1 of 1 invited");
  const invited = page.getByTestId("import-invited");
  await expect(invited).toContainText(name);
  await expect(invited.getByRole("button", { name: `Copy link for ${name}` })).toBeVisible();
  await expect(page.getByTestId("import-short-code")).toHaveText(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  const setupUrl = (await page.getByTestId("import-setup-url").textContent())?.trim() ?? "";
  expect(setupUrl).toMatch(/\/s\/[A-Za-z0-9_-]{20,}$/);
  // The table now says it is set up here, linking to its support page.
  const setUp = row.getByRole("link", { name: /Already set up/ });
  await expect(setUp).toBeVisible();
  await expectAccessible(page, "/support/import with results");
  await page.screenshot({ path: "test-results/screens/import-results.png", fullPage: true, animations: "disabled" });
  const companyId = (await setUp.getAttribute("href"))?.split("/").pop() ?? "";
  expect(companyId).toMatch(/^[0-9a-f-]{36}$/);

  // The client opens the link: an upgrade setup, Linked from the start, so there is no connector step.
  const client = await openAsClient(browser, info.project.use.baseURL ?? "", setupUrl);
  const wizard = client.page;
  const pc = sagePc(wizard.request, seeded.companyId);
  const setup = await (await wizard.request.get(`/api/companies/${companyId}/setup`)).json();
  expect(setup.company).toMatchObject({ name, flow: "upgrade", connection: { status: "Linked", reportedCompanyName: name, baseCurrency: "GBP" } });
  expect(setup.steps.map((s: { key: string }) => s.key)).toEqual(["before-start", "push-user", "credentials", "test-push", "enable-push"]);
  await expectStep(wizard, "before-start", "Before you start");
  await wizard.getByRole("button", { name: "Continue" }).click();

  // On the Sage 50 PC: Settings > User Management > Users > New, an Administrator for pushing.
  await expectStep(wizard, "push-user", "Create the push user in Sage 50");
  const pushUsername = await wizard.getByLabel("The push user's username").inputValue();
  await pc.do({ type: "createSageUser", name: pushUsername, userType: "Administrator", password: PUSH_PASSWORD });
  await wizard.getByLabel("Everyday username 1").fill("SARAH");
  await wizard.getByLabel("Everyday username 1").press("Enter");

  // The client says the connector has the push user's login and confirms the company Sage 50 reported,
  // but has not really changed it yet: the connector still logs in as SARAH.
  await expectStep(wizard, "credentials", "Give the connector the push user's login");
  await expect(wizard.getByText("Manage connection").first()).toBeVisible();
  await expect(wizard.getByRole("heading", { name: "The company the connector found" })).toBeVisible();
  await expect(wizard.getByText(name).first()).toBeVisible();
  await wizard.getByLabel(/The connector logs in as the push user/).check();
  await wizard.getByLabel(/is the right Sage 50 company/).check();
  await wizard.getByRole("button", { name: "Confirm and continue" }).click();

  // SARAH has Sage 50 open: the first test push fails, and the wizard says why and how to fix it.
  await expectStep(wizard, "test-push", "Run a test push");
  await wizard.getByRole("button", { name: "Run test push" }).click();
  await expect(wizard.getByRole("heading", { name: "Sage 50 login already in use" })).toBeVisible({ timeout: 30_000 });
  await expect(wizard.getByText(/Choose Manage connection for this company file/)).toBeVisible();
  const latest = (await (await wizard.request.get(`/api/companies/${companyId}/test-pushes`)).json()) as { testPush: TestPush };
  expect(latest.testPush).toMatchObject({ status: "failed", diagnosis: { code: "concurrent_login" } });
  expect((await wizard.request.put(`/api/companies/${companyId}/push`, { data: { enabled: true } })).status()).toBe(409);
  await expectAccessible(wizard, "upgrade: test push failed");

  // Tray icon > Open Sage 50 connector > Manage connection: the push user's login replaces SARAH's.
  await pc.do({ type: "manageConnection", username: pushUsername, password: PUSH_PASSWORD });
  await wizard.getByRole("button", { name: "Try again" }).click();
  await expect(wizard.getByRole("heading", { name: "The test push worked" })).toBeVisible({ timeout: 30_000 });

  await wizard.getByRole("link", { name: "Next: turn on data push" }).click();
  await expectStep(wizard, "enable-push", "Turn on data push");
  await wizard.getByRole("button", { name: "Turn on data push" }).click();
  await expect(wizard.getByRole("heading", { name: "You're all set" })).toBeVisible();
  const done = await (await wizard.request.get(`/api/companies/${companyId}/setup`)).json();
  expect(done.company.pushEnabled).toBe(true);
  expect(done.steps.every((s: { state: string }) => s.state === "done")).toBe(true);
  await client.context.close();

  // Support sees the finished upgrade.
  await page.goto(`/support/companies/${companyId}`);
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
});

test("import refusals each say why, one by one on the page and per item through the API", async ({ page, loginAs }) => {
  const suffix = randomUUID().slice(0, 6);
  const done = await seedPullOnly(page.request, `Refusal Done ${suffix} Ltd`);
  const noSageId = await codatCompanyWithoutSage(page.request, `Refusal No Sage ${suffix} Ltd`);
  const unknownId = randomUUID();
  await loginAs("support");
  const [first] = await importIds(page.request, [done.companyId]);
  expect(first?.ok).toBe(true);

  // Through the API: one request, one result per id, each refusal with its own code.
  const results = await importIds(page.request, [unknownId, noSageId, done.companyId]);
  expect(results.map((r) => (r.ok ? "ok" : r.code))).toEqual(["import_not_found", "import_no_sage50", "import_duplicate"]);
  const duplicate = results[2];
  expect(duplicate && !duplicate.ok && duplicate.message).toContain(`Refusal Done ${suffix} Ltd is already set up here`);
  const invalid = await page.request.post("/api/imports", { data: { codatCompanyIds: ["not-an-id"] } });
  expect(invalid.status()).toBe(422);
  expect((await invalid.json()).error.code).toBe("validation_failed");

  // On the page: the three ids entered by hand, invited together, each refused with its reason.
  await page.goto(`/support/import?q=${encodeURIComponent(suffix)}`);
  const idInput = page.getByLabel("Codat company ID", { exact: true });
  await idInput.fill("nonsense");
  await page.getByRole("button", { name: "Add to selection" }).click();
  await expect(page.getByText("A Codat company ID looks like")).toBeVisible();
  for (const id of [unknownId, noSageId, done.companyId]) {
    await idInput.fill(id);
    await idInput.press("Enter");
  }
  await expect(page.getByRole("heading", { name: "Selected (3)" })).toBeVisible();
  await expectAccessible(page, "/support/import with a selection");
  await page.getByRole("button", { name: "Invite selected (3)" }).click();
  await expect(page.getByTestId("import-progress-text")).toHaveText("Finished: 0 of 3 invited, 3 refused");
  const refusals = page.getByTestId("import-refused");
  await expect(refusals).toHaveCount(3);
  await expect(refusals.nth(0)).toContainText("Codat has no company with the ID");
  await expect(refusals.nth(1)).toContainText("has no Sage 50 connection");
  await expect(refusals.nth(2)).toContainText("is already set up here");
  await expect(refusals.nth(2).getByRole("link", { name: `Open Refusal Done ${suffix} Ltd` })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Results" })).toBeFocused();
  await expectAccessible(page, "/support/import with refusals");
  await page.screenshot({ path: "test-results/screens/import-refusals.png", fullPage: true, animations: "disabled" });
});

test("only staff allowed to import reach the page and its API", async ({ browser, request }) => {
  expect((await request.get("/api/imports/candidates")).status()).toBe(401);
  await signInByApi(request, "support");
  const candidates = await request.get("/api/imports/candidates?pageSize=10");
  expect(candidates.status()).toBe(200);
  expect(await candidates.json()).toMatchObject({ page: 1, pageSize: 10 });
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/support/import");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fsupport%2Fimport/);
  await context.close();
});
