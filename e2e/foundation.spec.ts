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

test("an API address no route serves is a JSON 404 for every method; real routes still answer", async ({ request }) => {
  for (const path of ["/api/no-such-route", "/api/companies/abc/no-such-thing/deeper", "/api/sim/no-such-knob", "/api/v2/anything"]) {
    for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"]) {
      const res = await request.fetch(path, { method, maxRedirects: 0 });
      expect(res.status(), `${method} ${path}`).toBe(404);
      expect(res.headers()["content-type"], `${method} ${path}`).toContain("application/json");
      expect((await res.json()).error, `${method} ${path}`).toEqual({ code: "not_found", message: expect.any(String) });
    }
  }
  expect((await request.get("/api/health")).status()).toBe(200);
  expect((await request.get("/api/auth/providers")).status()).toBe(200);
  expect((await request.get("/api/companies")).status()).toBe(401);
  const page = await request.get("/no-such-page");
  expect(page.status()).toBe(404);
  expect(page.headers()["content-type"]).toContain("text/html");
});
