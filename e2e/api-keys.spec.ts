import { test, expect, expectAccessible } from "./support/fixtures";
import { createSetupAsSupport } from "./support/api";

test("admin creates an API key; the integrator's backend reads push readiness with it until it is revoked", async ({ page, request, loginAs }) => {
  const setup = await createSetupAsSupport(request, "Readiness Ltd");
  await loginAs("admin");
  await page.goto("/support/admin");
  await page.getByLabel("New key name").fill("Production backend");
  await page.getByRole("button", { name: "Create key" }).click();
  const keyText = page.locator("p.font-mono", { hasText: "psk_" });
  await expect(keyText).toBeVisible();
  const key = (await keyText.textContent())?.trim() ?? "";
  expect(key).toMatch(/^psk_/);
  await expectAccessible(page, "admin with a new key");

  const url = `/api/v1/companies/${setup.company.codatCompanyId}/push-readiness`;
  const ok = await page.request.fetch(url, { headers: { authorization: `Bearer ${key}`, cookie: "" } });
  expect(ok.status()).toBe(200);
  const body = await ok.json();
  expect(body).toMatchObject({ enabled: false, ready: false, codatCompanyId: setup.company.codatCompanyId });
  expect(body.reasons.map((r: { code: string }) => r.code)).toContain("connection_not_linked");

  expect((await page.request.fetch(url, { headers: { authorization: "Bearer psk_wrongwrongwrong" } })).status()).toBe(401);

  await page.getByRole("button", { name: "Revoke Production backend" }).click();
  await expect(page.getByRole("status").filter({ hasText: "revoked" })).toBeVisible();
  expect((await page.request.fetch(url, { headers: { authorization: `Bearer ${key}` } })).status()).toBe(401);
});
