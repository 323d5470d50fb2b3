import { test, expect } from "./support/fixtures";
import { createClientSetup, expectStep, linkThroughPc, openAsClient, useFastSimulator } from "./support/wizard-helpers";

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

    const pc = await linkThroughPc(page, setup, PUSH_USER, PUSH_PASSWORD);
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
