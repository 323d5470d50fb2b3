import { test, expect } from "./support/fixtures";
import { linkedClientAtTestPush, useFastSimulator } from "./support/wizard-helpers";

const PUSH_USER = "Variant Push";
const PUSH_PASSWORD = "Pu5hUser1";

/**
 * The connector's assumed behaviours played the other way (lib/sage/assumed-connector-behaviour.ts):
 * a login clash leaves the push Pending until it times out, and the connector's messages are unfamiliar.
 * The client with the push user open in Sage 50 is still told to close it.
 */
test("with the simulator set to pending + unfamiliar, the push user open in Sage 50 is still told to close it", async ({ browser }, info) => {
  const baseURL = info.project.use.baseURL ?? "";
  const { context, page, pc } = await linkedClientAtTestPush(browser, baseURL, "Variant Clash Ltd", { user: PUSH_USER, password: PUSH_PASSWORD });
  const before = (await (await page.request.get("/api/sim/config")).json()) as { minuteMs: number };
  try {
    await useFastSimulator(page.request);
    // A simulated minute of 100 ms: Codat's timeout for the test push passes within seconds.
    const set = await page.request.put("/api/sim/config", { data: { minuteMs: 100, variants: { concurrentLogin: "pending", connectorMessages: "unfamiliar" } } });
    expect(set.ok(), await set.text()).toBe(true);

    await pc.do({ type: "openSage", username: PUSH_USER, password: PUSH_PASSWORD });
    await page.getByRole("button", { name: "Run test push" }).click();
    await expect(page.getByText(/Close Sage 50 wherever someone is logged in/).first()).toBeVisible({ timeout: 30_000 });
  } finally {
    const reset = await page.request.put("/api/sim/config", { data: { minuteMs: before.minuteMs, variants: { concurrentLogin: "failed", connectorMessages: "documented" } } });
    expect(reset.ok(), await reset.text()).toBe(true);
    await context.close();
  }
});
