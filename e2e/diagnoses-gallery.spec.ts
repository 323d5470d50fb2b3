import type { APIRequestContext, Browser, BrowserContext, Page } from "@playwright/test";
import { expectAccessible, expect, test } from "./support/fixtures";
import { createClientSetup, expectConnectionStatus, linkedClientAtTestPush, openAsClient, sagePc, useFastSimulator } from "./support/wizard-helpers";

/**
 * What the client sees for each cause the wizard tells apart (issue #13), reached through the
 * simulator's control API: the headline and fix are checked, axe runs on the page, and a full-page
 * screenshot is kept as test-results/screenshots/diagnosis-<name>.png.
 */
const PUSH = { user: "Gallery Push", password: "Ga11eryPw" };

async function simConfig(request: APIRequestContext, data: Record<string, unknown>) {
  const res = await request.put("/api/sim/config", { data });
  expect(res.ok(), await res.text()).toBe(true);
}

async function keep(page: Page, name: string) {
  await expectAccessible(page, `diagnosis ${name}`);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `test-results/screenshots/diagnosis-${name}.png`, fullPage: true, animations: "disabled" });
}

test.describe.configure({ mode: "serial" });

test.describe("every new diagnosis, as the client sees it", () => {
  let context: BrowserContext;
  let page: Page;
  let pc: ReturnType<typeof sagePc>;
  let companyId: string;
  let minuteMs: number;

  test.beforeAll(async ({ browser }: { browser: Browser }, info) => {
    ({ context, page, pc, setup: { companyId } } = await linkedClientAtTestPush(browser, info.project.use.baseURL ?? "", "Gallery Ltd", PUSH));
    minuteMs = ((await (await page.request.get("/api/sim/config")).json()) as { minuteMs: number }).minuteMs;
    await useFastSimulator(page.request);
    // A simulated minute of 100 ms: Codat's timeout for a push nobody takes passes within a second.
    await simConfig(page.request, { minuteMs: 100 });
  });

  test.afterAll(async () => {
    if (!context) return;
    await simConfig(page.request, { minuteMs, failNext: null, variants: { concurrentLogin: "failed", connectorMessages: "documented" } });
    await context.close();
  });

  /** Starts a test push as the client (the page's own route), then shows the test-push step until `headline` appears. */
  async function pushAndSee(headline: RegExp, opts: { failNext?: number } = {}) {
    // Enough for every retry the adapter may make on the supplier push options and the push.
    if (opts.failNext) await simConfig(page.request, { failNext: { status: opts.failNext, count: 20 } });
    const started = await page.request.post(`/api/companies/${companyId}/test-pushes`);
    if (opts.failNext) await simConfig(page.request, { failNext: null });
    expect(started.status(), await started.text()).toBeLessThan(500);
    await page.goto("/setup/test-push");
    await expect(page.getByRole("heading", { level: 3, name: headline })).toBeVisible({ timeout: 30_000 });
  }

  const REQUEST_ERRORS: [number, string, RegExp, RegExp][] = [
    [400, "invalid_test_record", /Our test record was rejected/, /support/i],
    [401, "codat_auth_failed", /Support has been alerted/, /support has been alerted/i],
    [404, "codat_not_found", /The company is missing at Codat/, /support/i],
    [429, "rate_limited", /Too many requests just now/, /try again/i],
  ];
  for (const [status, code, headline, fix] of REQUEST_ERRORS) {
    test(`Codat answers ${status}: ${code}`, async () => {
      await pushAndSee(headline, { failNext: status });
      await expect(page.getByText(fix).first()).toBeVisible();
      await expect(page.getByText(/Codat is not answering/)).toHaveCount(0);
      await keep(page, code);
    });
  }

  test("unsupported Sage 50 version: sage_version_unsupported", async () => {
    await pc.do({ type: "setSageVersion", version: 21 });
    await pushAndSee(/This Sage 50 version cannot receive data/);
    await expect(page.getByText(/re-sync the company/).first()).toBeVisible();
    await keep(page, "sage_version_unsupported");
    await pc.do({ type: "setSageVersion", version: 31 });
  });

  test("login clash under the pending variant: the push times out, close Sage 50 is among the first causes", async () => {
    await simConfig(page.request, { variants: { concurrentLogin: "pending", connectorMessages: "documented" } });
    await pc.do({ type: "openSage", username: PUSH.user, password: PUSH.password });
    await pushAndSee(/The connector did not answer/);
    await expect(page.getByText(/Test push timed out/)).toBeVisible();
    await expect(page.getByText(/Sage 50 login already in use/).first()).toBeVisible();
    await expect(page.getByText(/Close Sage 50 wherever someone is logged in/).first()).toBeVisible();
    await keep(page, "concurrent_login-pending");
    await pc.do({ type: "closeSage" });
    await simConfig(page.request, { variants: { concurrentLogin: "failed", connectorMessages: "documented" } });
  });

  test("an unfamiliar connector message is shown verbatim, with the ranked causes", async () => {
    await simConfig(page.request, { variants: { concurrentLogin: "failed", connectorMessages: "unfamiliar" } });
    await pc.do({ type: "openSage", username: PUSH.user, password: PUSH.password });
    await pushAndSee(/The test push failed/);
    await expect(page.getByText(/SDO error/).first()).toBeVisible();
    await expect(page.getByText(/Sage 50 login already in use/).first()).toBeVisible();
    await keep(page, "unknown_failure-unfamiliar-message");
    await pc.do({ type: "closeSage" });
    await simConfig(page.request, { variants: { concurrentLogin: "failed", connectorMessages: "documented" } });
  });

  test("the connector paused from its tray: connector_paused among the causes", async () => {
    await pc.do({ type: "pauseConnector" });
    await pushAndSee(/The connector did not answer/);
    await expect(page.getByText(/The connector may be paused/).first()).toBeVisible();
    await expect(page.getByText(/Resume/).first()).toBeVisible();
    await keep(page, "connector_paused");
    await pc.do({ type: "resumeConnector" });
  });

  test("a firewall blocking the connector: connector_blocked_by_firewall among the causes", async () => {
    await pc.do({ type: "setFirewallBlocksConnector", enabled: true });
    await pushAndSee(/The connector did not answer/);
    await expect(page.getByText(/A firewall may be blocking the connector/).first()).toBeVisible();
    await expect(page.getByText(/port 443/).first()).toBeVisible();
    await keep(page, "connector_blocked_by_firewall");
    await pc.do({ type: "setFirewallBlocksConnector", enabled: false });
  });

  test("the push user's password changed in Sage 50: connector_login_rejected", async () => {
    await pc.do({ type: "changeSageUserPassword", name: PUSH.user, password: "N3wPassw0rd" });
    await pushAndSee(/The connector's saved login no longer works/);
    await expect(page.getByText(/Manage connection/).first()).toBeVisible();
    await keep(page, "connector_login_rejected-password-changed");
    await pc.do({ type: "manageConnection", username: PUSH.user, password: "N3wPassw0rd" });
  });

  test("the push user deleted in Sage 50: connector_login_rejected", async () => {
    await pc.do({ type: "deleteSageUser", name: PUSH.user });
    await pushAndSee(/The connector's saved login no longer works/);
    await expect(page.getByText(/Manage connection/).first()).toBeVisible();
    await keep(page, "connector_login_rejected-user-deleted");
  });
});

test("on the connector step: install refused without Windows administrator rights, then the one-time-sync connector removed", async ({ browser }, info) => {
  const baseURL = info.project.use.baseURL ?? "";
  const setup = await createClientSetup(baseURL, "Gallery Connector Ltd");
  const { context, page } = await openAsClient(browser, baseURL, setup.setupUrl);
  try {
    const base = `/api/companies/${setup.companyId}/setup`;
    expect((await page.request.put(`${base}/before-start`, { data: {} })).status()).toBe(200);
    expect((await page.request.put(`${base}/push-user`, { data: { pushUsername: PUSH.user, everydayUsernames: ["Ann"] } })).status()).toBe(200);
    const pc = sagePc(page.request, setup.codatCompanyId);
    await pc.do({ type: "createSageUser", name: PUSH.user, userType: "Administrator", password: PUSH.password });

    await pc.do({ type: "setWindowsAdmin", enabled: false });
    expect((await pc.refused({ type: "installConnector", licenseKey: setup.codatCompanyId })).reason).toBe("needs_windows_admin");
    await page.goto("/setup/connector");
    await expect(page.getByText(/administrator rights/).first()).toBeVisible();
    await expect(page.getByRole("link", { name: "What to do without administrator rights" })).toHaveAttribute("href", "/help/installing-needs-windows-administrator");
    await keep(page, "install-needs-windows-admin");

    await pc.do({ type: "setWindowsAdmin", enabled: true });
    await pc.do({ type: "setOneTimeSync", enabled: true });
    await pc.do({ type: "installConnector", licenseKey: setup.codatCompanyId });
    await pc.do({ type: "chooseDataFile" });
    await pc.do({ type: "saveCredentials", username: PUSH.user, password: PUSH.password });
    await pc.do({ type: "confirmCompany" });
    await expectConnectionStatus(page.request, setup.companyId, "Deauthorized");
    await page.goto("/setup/connector");
    await expect(page.getByText(/The connector was removed from the PC/)).toBeVisible();
    await keep(page, "connector_uninstalled-one-time-sync");
  } finally {
    await context.close();
  }
});
