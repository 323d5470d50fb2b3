import { expect, request as newRequest, type APIRequestContext, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { signInByApi } from "./fixtures";

/** A setup created by support, as the client receives it. */
export type ClientSetup = { companyId: string; codatCompanyId: string; name: string; setupUrl: string; shortCode: string };

/** Support creates a setup through the API (POST /api/companies) and hands back the client's link. */
export async function createClientSetup(baseURL: string, name: string): Promise<ClientSetup> {
  const staff = await newRequest.newContext({ baseURL });
  try {
    await signInByApi(staff, "support");
    const res = await staff.post("/api/companies", { data: { name, contactEmail: "owner@example.com" } });
    expect(res.status(), await res.text()).toBe(201);
    const body = (await res.json()) as {
      company: { id: string; codatCompanyId: string };
      setupLink: { url: string; shortCode: string };
    };
    return { companyId: body.company.id, codatCompanyId: body.company.codatCompanyId, name, setupUrl: body.setupLink.url, shortCode: body.setupLink.shortCode };
  } finally {
    await staff.dispose();
  }
}

/**
 * A company already linked for pulling (the simulator seeds it, with an everyday login saved in its
 * connector), invited by support to the upgrade flow through POST /api/imports.
 */
export async function createUpgradeSetup(
  baseURL: string,
  name: string,
  everyday: { user: string; password: string },
): Promise<ClientSetup> {
  const staff = await newRequest.newContext({ baseURL });
  try {
    const seeded = await staff.post("/api/sim/seed-linked-company", {
      data: { name, everydayUser: everyday.user, everydayPassword: everyday.password },
    });
    expect(seeded.ok(), await seeded.text()).toBe(true);
    const { companyId: codatCompanyId } = (await seeded.json()) as { companyId: string };
    await signInByApi(staff, "support");
    const res = await staff.post("/api/imports", { data: { codatCompanyIds: [codatCompanyId] } });
    expect(res.ok(), await res.text()).toBe(true);
    const { results } = (await res.json()) as {
      results: ({ ok: true; company: { id: string }; setupLink: { url: string; shortCode: string } } | { ok: false; message?: string })[];
    };
    const first = results[0];
    if (!first || !first.ok) throw new Error(`import refused: ${JSON.stringify(first)}`);
    return { companyId: first.company.id, codatCompanyId, name, setupUrl: first.setupLink.url, shortCode: first.setupLink.shortCode };
  } finally {
    await staff.dispose();
  }
}

/** The client opens the setup link in a browser of their own and lands on the first step. */
export async function openAsClient(browser: Browser, baseURL: string, setupUrl: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await page.goto(setupUrl);
  await expect(page).toHaveURL(/\/setup\/before-start$/);
  return { context, page };
}

type PcAction = { type: string } & Record<string, unknown>;

/** The client's Sage 50 PC, played through the simulator's control API. */
export function sagePc(request: APIRequestContext, codatCompanyId: string) {
  const post = (action: PcAction) => request.post(`/api/sim/pc/${codatCompanyId}/actions`, { data: action });
  return {
    /** Does something on the PC that must work. */
    async do(action: PcAction): Promise<string> {
      const res = await post(action);
      const text = await res.text();
      expect(res.ok(), `PC action ${action.type}: ${text}`).toBe(true);
      return (JSON.parse(text) as { message: string }).message;
    },
    /** Does something the PC must refuse; returns what it said. */
    async refused(action: PcAction): Promise<{ status: number; message: string; reason: string | undefined }> {
      const res = await post(action);
      // Refused means a 4xx with the reason: a 5xx is a fault, not a refusal.
      expect(res.status(), `PC action ${action.type} should be refused`).toBeGreaterThanOrEqual(400);
      expect(res.status(), `PC action ${action.type} should be refused, not fail`).toBeLessThan(500);
      const body = (await res.json()) as { error: { message: string; details?: { reason?: string } } };
      return { status: res.status(), message: body.error.message, reason: body.error.details?.reason };
    },
  };
}

/** The wizard's view as the client's session reads it: the connection status Codat reports. */
export async function expectConnectionStatus(request: APIRequestContext, companyId: string, status: string) {
  await expect
    .poll(
      async () =>
        ((await (await request.get(`/api/companies/${companyId}/setup`)).json()) as { company: { connection: { status: string | null } } }).company
          .connection.status,
      { timeout: 20_000 },
    )
    .toBe(status);
}

/**
 * A client whose PC is set up and linked (push user created and saved in the connector), with the
 * credentials step confirmed: the page is on the test-push step.
 */
export async function linkedClientAtTestPush(
  browser: Browser,
  baseURL: string,
  name: string,
  push: { user: string; password: string },
): Promise<{ setup: ClientSetup; context: BrowserContext; page: Page; pc: ReturnType<typeof sagePc> }> {
  const setup = await createClientSetup(baseURL, name);
  const { context, page } = await openAsClient(browser, baseURL, setup.setupUrl);
  const base = `/api/companies/${setup.companyId}/setup`;
  expect((await page.request.put(`${base}/before-start`, { data: {} })).status()).toBe(200);
  expect((await page.request.put(`${base}/push-user`, { data: { pushUsername: push.user, everydayUsernames: ["Ann"] } })).status()).toBe(200);
  const pc = sagePc(page.request, setup.codatCompanyId);
  await pc.do({ type: "createSageUser", name: push.user, userType: "Administrator", password: push.password });
  await pc.do({ type: "installConnector", licenseKey: setup.codatCompanyId });
  await pc.do({ type: "chooseDataFile" });
  await pc.do({ type: "saveCredentials", username: push.user, password: push.password });
  await pc.do({ type: "confirmCompany" });
  // Linked before any page watched it: the wizard's view (which asks Codat) says so, and the next step is open.
  await expectConnectionStatus(page.request, setup.companyId, "Linked");
  await page.goto("/setup/credentials");
  await expectStep(page, "credentials", "Give the connector the push user's login");
  await page.getByLabel(/The connector logs in as the push user/).check();
  await page.getByLabel(/is the right Sage 50 company/).check();
  await page.getByRole("button", { name: "Confirm and continue" }).click();
  await expectStep(page, "test-push", "Run a test push");
  return { setup, context, page, pc };
}

/** The simulated connector picks pushes up quickly, so a test push ends in seconds. */
export async function useFastSimulator(request: APIRequestContext) {
  const res = await request.put("/api/sim/config", { data: { processingDelayMs: 300, latencyMs: 0, errorRate5xx: 0, errorRate429: 0 } });
  expect(res.ok(), await res.text()).toBe(true);
}

/**
 * An admin sets the currencies the integrator pushes (global settings); returns the old list so a
 * test can put it back.
 */
export async function setPushCurrencies(baseURL: string, currencies: string[]): Promise<string[]> {
  const admin = await newRequest.newContext({ baseURL });
  try {
    await signInByApi(admin, "admin");
    const { settings } = (await (await admin.get("/api/settings")).json()) as {
      settings: { integratorName: string; pushCurrencies: string[]; supportContact: string };
    };
    const res = await admin.put("/api/settings", {
      data: { integratorName: settings.integratorName, supportContact: settings.supportContact, pushCurrencies: currencies },
    });
    expect(res.ok(), await res.text()).toBe(true);
    return settings.pushCurrencies;
  } finally {
    await admin.dispose();
  }
}

/** A full-page screenshot kept as a test artefact: test-results/screens/wizard-<name>.png. */
export async function saveScreen(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `test-results/screens/wizard-${name}.png`, fullPage: true, animations: "disabled" });
}

/** The step on screen, by its h1. */
export async function expectStep(page: Page, path: string, title: string | RegExp) {
  await expect(page).toHaveURL(new RegExp(`/setup/${path}$`));
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
}

/** Presses Tab until the element with `id` has focus (keyboard only: no clicks). */
export async function tabTo(page: Page, id: string, maxPresses = 40) {
  for (let i = 0; i < maxPresses; i++) {
    if ((await page.evaluate(() => document.activeElement?.id ?? "")) === id) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached #${id}`);
}

/**
 * Plays a new company's setup through the API and the simulated PC (push user, connector, login,
 * confirmation), waits until the wizard's view says Linked, and opens the credentials step.
 */
export async function linkThroughPc(page: Page, setup: ClientSetup, pushUser: string, password: string) {
  const base = `/api/companies/${setup.companyId}/setup`;
  expect((await page.request.put(`${base}/before-start`, { data: {} })).status()).toBe(200);
  expect((await page.request.put(`${base}/push-user`, { data: { pushUsername: pushUser, everydayUsernames: ["Ann"] } })).status()).toBe(200);
  const pc = sagePc(page.request, setup.codatCompanyId);
  await pc.do({ type: "createSageUser", name: pushUser, userType: "Administrator", password });
  await pc.do({ type: "installConnector", licenseKey: setup.codatCompanyId });
  await pc.do({ type: "chooseDataFile" });
  await pc.do({ type: "saveCredentials", username: pushUser, password });
  await pc.do({ type: "confirmCompany" });
  // Linked before any page watched it: the wizard's view (which asks Codat) says so, and the next step is open.
  await expect
    .poll(async () => ((await (await page.request.get(base)).json()) as { company: { connection: { status: string | null } } }).company.connection.status, { timeout: 20_000 })
    .toBe("Linked");
  await page.goto("/setup/credentials");
  await expectStep(page, "credentials", "Give the connector the push user's login");
  return pc;
}

/** On the credentials step: the client confirms the connector's login and company, runs the test push and sees it work. */
export async function confirmAndRunTestPush(page: Page) {
  await page.getByLabel(/The connector logs in as the push user/).check();
  await page.getByLabel(/is the right Sage 50 company/).check();
  await page.getByRole("button", { name: "Confirm and continue" }).click();
  await expectStep(page, "test-push", "Run a test push");
  await page.getByRole("button", { name: "Run test push" }).click();
  await expect(page.getByRole("heading", { name: "The test push worked" })).toBeVisible({ timeout: 30_000 });
}
