import { expect, type APIRequestContext, type Browser } from "@playwright/test";
import { signInByApi } from "./fixtures";

export type CreatedSetup = {
  company: { id: string; name: string; codatCompanyId: string; connectionStatus: string | null };
  setupLink: { url: string; shortCode: string; expiresAt: string };
};

/** Support creates a setup through the API (the Codat company and connection come from the simulator). */
export async function createSetupAsSupport(request: APIRequestContext, name: string): Promise<CreatedSetup> {
  await signInByApi(request, "support");
  const res = await request.post("/api/companies", { data: { name, contactEmail: "owner@example.com" } });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as CreatedSetup;
}

/** A fresh browser context that opened the setup link: the client. */
export async function openAsClient(browser: Browser, setupUrl: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(new URL(setupUrl).pathname);
  return { context, page };
}
