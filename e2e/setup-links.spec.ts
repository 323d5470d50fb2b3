import { test, expect, expectAccessible } from "./support/fixtures";
import { createSetupAsSupport, openAsClient } from "./support/api";
import { signInByApi } from "./support/fixtures";
import { demoLinkToken } from "./support/demo-links";

test("a client entering by setup link sees only its own company", async ({ browser, request }) => {
  const mine = await createSetupAsSupport(request, "Link Test Mine Ltd");
  const other = await createSetupAsSupport(request, "Link Test Other Ltd");
  const { context, page } = await openAsClient(browser, mine.setupLink.url);
  await expect(page).toHaveURL(/\/setup/);
  const own = await page.request.get(`/api/companies/${mine.company.id}/setup`);
  expect(own.status()).toBe(200);
  expect((await own.json()).company.name).toBe("Link Test Mine Ltd");
  const theirs = await page.request.get(`/api/companies/${other.company.id}/setup`);
  expect(theirs.status()).toBe(404);
  expect((await theirs.json()).error.code).toBe("not_found");
  expect((await page.request.get("/api/companies")).status()).toBe(403);
  await page.goto("/support");
  await expect(page.getByRole("heading", { name: "This page is not available to you" })).toBeVisible();
  await context.close();
});

test("a replaced link is refused with a clear page, and the sessions it opened end", async ({ browser, request }) => {
  const setup = await createSetupAsSupport(request, "Replaced Link Ltd");
  const { context, page } = await openAsClient(browser, setup.setupLink.url);
  expect((await page.request.get(`/api/companies/${setup.company.id}/setup`)).status()).toBe(200);

  const renewed = await request.post(`/api/companies/${setup.company.id}/setup-link`);
  expect(renewed.ok(), await renewed.text()).toBe(true);

  expect((await page.request.get(`/api/companies/${setup.company.id}/setup`)).status()).toBe(401);
  const fresh = await browser.newContext();
  const p2 = await fresh.newPage();
  await p2.goto(new URL(setup.setupLink.url).pathname);
  await expect(p2.getByRole("heading", { name: "This setup link has been replaced" })).toBeVisible();
  await expectAccessible(p2, "replaced link page");
  await fresh.close();
  await context.close();
});

test("an unknown link and a wrong short code are refused, saying what to do", async ({ page }) => {
  await page.goto("/s/not-a-real-token-at-all-0000000000000");
  await expect(page.getByRole("heading", { name: "This setup link is not valid" })).toBeVisible();
  await expect(page.getByText("Ask")).toBeVisible();
  await page.goto("/go");
  await page.getByLabel("Setup code").fill("ZZZZ-ZZZZ");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByText("That code does not match any setup")).toBeVisible();
});

test("the short code opens the same setup on another device", async ({ browser, request }) => {
  const setup = await createSetupAsSupport(request, "Short Code Ltd");
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/go");
  await page.getByLabel("Setup code").fill(setup.setupLink.shortCode.toLowerCase());
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/setup/);
  expect((await page.request.get(`/api/companies/${setup.company.id}/setup`)).status()).toBe(200);
  await context.close();
});

test("an expired link is refused with a clear page", async ({ request, page }) => {
  await signInByApi(request, "support");
  let id: string | undefined;
  await expect
    .poll(
      async () => {
        const list = (await (await request.get("/api/companies?q=Expired%20Link")).json()) as { items: { id: string }[] };
        id = list.items[0]?.id;
        return id;
      },
      { message: "the demo seed creates Expired Link Ltd", timeout: 30_000, intervals: [500] },
    )
    .toBeTruthy();
  await page.goto(`/s/${demoLinkToken(id!)}`);
  await expect(page.getByRole("heading", { name: "This setup link has expired" })).toBeVisible();
  await expectAccessible(page, "expired link page");
});
