import path from "node:path";
import { test, expect, expectAccessible } from "./support/fixtures";
import { createSetupAsSupport, openAsClient } from "./support/api";

/**
 * An admin uploads the integrator's logo on /support/admin; the client's wizard shows it, served from
 * its content-hashed address; removing it goes back to the default (no logo).
 */
const logos = path.join(import.meta.dirname, "..", "lib", "sage", "testing", "logos");

test("an admin uploads a logo through the form, the wizard shows it, and removing it goes back to the default", async ({ page, loginAs, browser, request }) => {
  await loginAs("admin");
  await page.goto("/support/admin");
  const file = page.getByLabel("Upload your logo");

  // Judged by its bytes in the browser already: an SVG is refused beside the field.
  await file.setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>') });
  await page.getByRole("button", { name: "Upload logo" }).click();
  await expect(page.getByText("Upload a PNG, JPEG or WebP image (SVG and other types are not accepted).").first()).toBeVisible();
  await expect(file).toHaveAttribute("aria-invalid", "true");

  await file.setInputFiles(path.join(logos, "logo-lossy.webp"));
  await page.getByRole("button", { name: "Upload logo" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Logo uploaded." })).toBeVisible();
  const preview = page.getByRole("img", { name: "The uploaded logo" });
  await expect(preview).toBeVisible();
  const logoPath = (await preview.getAttribute("src")) ?? "";
  expect(logoPath).toMatch(/^\/brand\/logo\/[0-9a-f]{64}\.webp$/);
  await expect(page.getByText("Uploaded logo in use (WEBP, 48×32 pixels).")).toBeVisible();
  await expectAccessible(page, "/support/admin with an uploaded logo");

  const served = await request.get(logoPath);
  expect(served.headers()["content-type"]).toBe("image/webp");
  expect(served.headers()["x-content-type-options"]).toBe("nosniff");
  expect(served.headers()["cache-control"]).toContain("immutable");

  const setup = await createSetupAsSupport(request, "Logo Upload Ltd");
  const client = await openAsClient(browser, setup.setupLink.url);
  try {
    await expect(client.page.getByRole("heading", { level: 1, name: "Before you start" })).toBeVisible({ timeout: 20_000 });
    const shown = client.page.locator(`img[src="${logoPath}"]`);
    await expect(shown).toBeVisible();
    expect(await shown.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(48);

    await page.getByRole("button", { name: "Remove uploaded logo" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Uploaded logo removed." })).toBeVisible();
    await expect(preview).toHaveCount(0);
    await client.page.reload();
    await expect(client.page.getByRole("heading", { level: 1, name: "Before you start" })).toBeVisible({ timeout: 20_000 });
    await expect(client.page.locator('img[src^="/brand/logo/"]')).toHaveCount(0);
    expect((await request.get(logoPath)).status()).toBe(404);
  } finally {
    await page.request.delete("/api/embed-settings/logo");
    await client.context.close();
  }
});
