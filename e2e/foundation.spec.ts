import { test, expect, expectAccessible, STAFF } from "./support/fixtures";

test("health answers with the mode and no secrets", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(body).toEqual({ status: "ok", db: "pglite", codat: "simulator", version: expect.any(String) });
});

test("support signs in with the form and lands on the support console", async ({ page }) => {
  await page.goto("/sign-in");
  await expectAccessible(page, "sign-in");
  await page.getByLabel("Email").fill(STAFF.support.email);
  await page.getByLabel("Password").fill(STAFF.support.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/support$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByText("Sam Support (support)")).toBeVisible();
  await expect(page.getByRole("link", { name: "Admin" })).toHaveCount(0);
});

test("admin signs in and sees the admin area in the navigation", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(STAFF.admin.email);
  await page.getByLabel("Password").fill(STAFF.admin.password);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/support$/);
  await expect(page.getByRole("link", { name: "Admin" })).toBeVisible();
});

test("a wrong password gets one generic message and keeps the email", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(STAFF.support.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Could not sign in" })).toContainText("Wrong email or password.");
  await expect(page.getByLabel("Email")).toHaveValue(STAFF.support.email);
  await expectAccessible(page, "sign-in with error");
});

test("pages without a session send people to sign in; APIs answer 401", async ({ page, request }) => {
  await page.goto("/support");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fsupport/);
  const res = await request.get("/api/companies");
  expect(res.status()).toBe(401);
  expect((await res.json()).error.code).toBe("unauthorized");
});

test("the public pages pass axe", async ({ page }) => {
  for (const path of ["/", "/go", "/link-problem?reason=expired"]) {
    await page.goto(path);
    await expectAccessible(page, path);
  }
});
