import { request as newRequest, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { expect, expectAccessible, signInByApi, test } from "./support/fixtures";
import { linkedClientAtTestPush, useFastSimulator, type ClientSetup } from "./support/wizard-helpers";

const PUSH = { user: "Health Push", password: "Pw12345" };
const SIM_AUTH = `Basic ${Buffer.from(process.env.SIMULATOR_API_KEY ?? "simulator").toString("base64")}`;

async function screenshot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `test-results/screenshots/push-health-${name}.png`, fullPage: true, animations: "disabled" });
}

/** The integrator pushes a bill through Codat's own path on the simulator (Sync for Payables). */
async function pushBill(request: APIRequestContext, codatCompanyId: string) {
  const connections = await request.get(`/api/sim/codat/companies/${codatCompanyId}/connections`, { headers: { authorization: SIM_AUTH } });
  expect(connections.ok(), await connections.text()).toBe(true);
  const { results } = (await connections.json()) as { results: { id: string }[] };
  const res = await request.post(`/api/sim/codat/companies/${codatCompanyId}/connections/${results[0]!.id}/push/bills`, {
    headers: { authorization: SIM_AUTH },
    data: { issueDate: "2026-03-01T00:00:00Z", status: "Open", subTotal: 100, taxAmount: 20, totalAmount: 120, supplierRef: { id: "ACME01" } },
  });
  expect(res.ok(), await res.text()).toBe(true);
}

test.describe.configure({ mode: "serial" });

test.describe("push health after setup", () => {
  let setup: ClientSetup;
  let staff: APIRequestContext;
  let baseURL: string;

  test.beforeAll(async ({ browser }: { browser: Browser }) => {
    baseURL = test.info().project.use.baseURL ?? "";
    staff = await newRequest.newContext({ baseURL });
    await signInByApi(staff, "support");
    await useFastSimulator(staff);
    const client = await linkedClientAtTestPush(browser, baseURL, "Healthwatch Bakery Ltd", PUSH);
    setup = client.setup;
    const { page, pc } = client;
    await page.getByRole("button", { name: "Run test push" }).click();
    await expect(page.getByRole("heading", { name: "The test push worked" })).toBeVisible({ timeout: 30_000 });
    const on = await page.request.put(`/api/companies/${setup.companyId}/push`, { data: { enabled: true, foreignTraderConfirmed: true } });
    expect(on.ok(), await on.text()).toBe(true);

    // Later, someone opens Sage 50 with the push user's login; the integrator's next bill fails.
    await pc.do({ type: "openSage", username: PUSH.user, password: PUSH.password });
    await pushBill(page.request, setup.codatCompanyId);
    await expect
      .poll(async () => {
        const list = (await (await staff.get("/api/companies?filter=attention&sort=health")).json()) as { items: { id: string; health: { state: string; cause: string | null } }[] };
        return list.items.find((i) => i.id === setup.companyId)?.health ?? null;
      }, { timeout: 30_000 })
      .toEqual(expect.objectContaining({ state: "failing", cause: "concurrent_login" }));
    await client.context.close();
  });

  test.afterAll(async () => staff?.dispose());

  test("the support list shows the company at the top of Needs attention, sorted by health", async ({ page, loginAs }) => {
    await loginAs("support");
    await page.goto("/support");
    await page.getByRole("link", { name: "Needs attention" }).click();
    await expect(page).toHaveURL(/filter=attention/);
    await page.getByRole("columnheader", { name: /^Health/ }).getByRole("link").click();
    await expect(page).toHaveURL(/sort=health/);
    const firstRow = page.getByRole("table").getByRole("row").nth(1);
    await expect(firstRow.getByRole("link", { name: setup.name })).toBeVisible();
    await expect(firstRow.getByText("Failing", { exact: true }).first()).toBeVisible();
    await expectAccessible(page, "support list, needs attention");
    await screenshot(page, "support-list");
  });

  test("the company page shows the cause, the alert emailed, the chart and the evidence", async ({ page, loginAs }) => {
    await loginAs("support");
    await page.goto(`/support/companies/${setup.companyId}`);
    const card = page.getByTestId("push-health-card");
    await expect(card.getByRole("heading", { name: "Push health" })).toBeVisible();
    await expect(card.getByRole("heading", { name: "Cause: Sage 50 login already in use" })).toBeVisible();
    // The notifier runs every 2 s in the test server: the alert is emailed within seconds.
    await expect(async () => {
      await page.reload();
      await expect(page.getByTestId("push-health-alert")).toContainText("client emailed", { timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
    await expect(card.getByRole("img", { name: /Writes to Sage 50: 0 succeeded and 1 failed/ })).toBeVisible();
    await expect(card.getByTestId("daily-writes-chart").locator("svg.recharts-surface").last()).toBeVisible();
    await card.getByTestId("recent-failures").getByText("What Codat said").first().click();
    await expect(card.getByTestId("codat-evidence").first()).toContainText("Failed");
    await expectAccessible(page, "support company page with push health");
    await screenshot(page, "support-company");

    // Keyboard: the chart's table toggle.
    const toggle = card.getByRole("button", { name: "Show as table" });
    await toggle.focus();
    await page.keyboard.press("Enter");
    await expect(card.getByRole("table", { name: /Writes to Sage 50, per day/ })).toBeVisible();
    await expect(card.getByRole("button", { name: "Show as chart" })).toBeFocused();
    await expectAccessible(page, "push health as a table");
  });

  test("one alert email with a repair link that opens the credentials step; the health page shows the state and the fix", async ({ browser }) => {
    const outbox = (await (await staff.get("/api/outbox?kind=alert")).json()) as { messages: { to: string; subject: string; text: string }[] };
    const alerts = outbox.messages.filter((m) => m.to === "owner@example.com" && m.text.includes(setup.name));
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.subject).toBe("Action needed: Sage 50 login already in use");
    const link = /https?:\/\/\S+\/s\/[A-Za-z0-9_-]+/.exec(alerts[0]!.text)?.[0];
    expect(link).toBeTruthy();

    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    await page.goto(new URL(link!).pathname);
    await expect(page).toHaveURL(/\/setup\/credentials$/);
    await expect(page.getByRole("heading", { level: 1, name: "Give the connector the push user's login" })).toBeVisible();
    await expectAccessible(page, "repair link lands on the credentials step");
    await screenshot(page, "repair-link-credentials");

    await page.goto("/setup/health");
    const section = page.getByTestId("push-health");
    await expect(section.getByText("Failing", { exact: true })).toBeVisible();
    await expect(section.getByRole("heading", { name: "Sage 50 login already in use" })).toBeVisible();
    await expect(section.getByText("How to fix it")).toBeVisible();
    await expect(section.getByRole("link", { name: /Open the step “Give the connector the push user's login”/ })).toBeVisible();
    await expect(section.getByRole("img", { name: /0 succeeded and 1 failed/ })).toBeVisible();
    await expect(section.getByText("What Codat said")).toHaveCount(0);
    await expectAccessible(page, "client health page, failing");
    await screenshot(page, "client-health");
    await context.close();
  });
});
