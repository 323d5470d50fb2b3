import { test, expect } from "./support/fixtures";
import { createClientSetup, expectStep, openAsClient, sagePc, useFastSimulator } from "./support/wizard-helpers";

const PUSH_USER = "Variant Push";
const PUSH_PASSWORD = "Pu5hUser1";

/**
 * The connector's assumed behaviours played the other way (lib/sage/assumed-connector-behaviour.ts):
 * a login clash leaves the push Pending until it times out, and the connector's messages are unfamiliar.
 * The client with the push user open in Sage 50 is still told to close it.
 */
test("with the simulator set to pending + unfamiliar, the push user open in Sage 50 is still told to close it", async ({ browser }, info) => {
  const baseURL = info.project.use.baseURL ?? "";
  const setup = await createClientSetup(baseURL, "Variant Clash Ltd");
  const { context, page } = await openAsClient(browser, baseURL, setup.setupUrl);
  const before = (await (await page.request.get("/api/sim/config")).json()) as { minuteMs: number };
  try {
    await useFastSimulator(page.request);
    // A simulated minute of 100 ms: Codat's timeout for the test push passes within seconds.
    const set = await page.request.put("/api/sim/config", { data: { minuteMs: 100, variants: { concurrentLogin: "pending", connectorMessages: "unfamiliar" } } });
    expect(set.ok(), await set.text()).toBe(true);

    const base = `/api/companies/${setup.companyId}/setup`;
    expect((await page.request.put(`${base}/before-start`, { data: {} })).status()).toBe(200);
    expect((await page.request.put(`${base}/push-user`, { data: { pushUsername: PUSH_USER, everydayUsernames: ["Ann"] } })).status()).toBe(200);
    const pc = sagePc(page.request, setup.codatCompanyId);
    await pc.do({ type: "createSageUser", name: PUSH_USER, userType: "Administrator", password: PUSH_PASSWORD });
    await pc.do({ type: "installConnector", licenseKey: setup.codatCompanyId });
    await pc.do({ type: "chooseDataFile" });
    await pc.do({ type: "saveCredentials", username: PUSH_USER, password: PUSH_PASSWORD });
    await pc.do({ type: "confirmCompany" });
    // Linked before any page watched it: the wizard's view (which asks Codat) says so, and the next step is open.
    await expect
      .poll(async () => ((await (await page.request.get(base)).json()) as { company: { connection: { status: string | null } } }).company.connection.status, { timeout: 20_000 })
      .toBe("Linked");
    await page.goto("/setup/credentials");
    await expectStep(page, "credentials", "Give the connector the push user's login");
    await page.getByLabel(/The connector logs in as the push user/).check();
    await page.getByLabel(/is the right Sage 50 company/).check();
    await page.getByRole("button", { name: "Confirm and continue" }).click();
    await expectStep(page, "test-push", "Run a test push");

    await pc.do({ type: "openSage", username: PUSH_USER, password: PUSH_PASSWORD });
    await page.getByRole("button", { name: "Run test push" }).click();
    await expect(page.getByText(/Close Sage 50 wherever someone is logged in/).first()).toBeVisible({ timeout: 30_000 });
  } finally {
    const reset = await page.request.put("/api/sim/config", { data: { minuteMs: before.minuteMs, variants: { concurrentLogin: "failed", connectorMessages: "documented" } } });
    expect(reset.ok(), await reset.text()).toBe(true);
    await context.close();
  }
});
