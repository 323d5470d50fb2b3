import { test, expect, type APIRequestContext, type APIResponse, type Page } from "@playwright/test";
import { createSetup, linkSimulatedPc, setSimConfig, signInStaff, until } from "../lib/security/testing/flows";

/**
 * Upstream faults. With Codat (the simulator) failing 30% of its answers (15% 5xx, 15% 429) and
 * slow, every flow still completes — create a setup, link the connector, test push, enable — and the
 * client only ever sees calm words. With Codat down for longer than our retries, people are told to
 * try again later (503 codat_unavailable with Retry-After) and support sees it in the timeline.
 */
test.describe.configure({ mode: "serial" });

let support: APIRequestContext;
let anonymous: APIRequestContext;
let before: Record<string, unknown>;

test.beforeAll(async ({ playwright, baseURL }) => {
  support = await playwright.request.newContext({ baseURL });
  anonymous = await playwright.request.newContext({ baseURL });
  await signInStaff(support, "support");
  before = (await (await anonymous.get("/api/sim/config")).json()) as Record<string, unknown>;
});

test.afterAll(async () => {
  await setSimConfig(anonymous, { errorRate5xx: before.errorRate5xx ?? 0, errorRate429: before.errorRate429 ?? 0, latencyMs: before.latencyMs ?? 0, failNext: null });
  await support.dispose();
  await anonymous.dispose();
});

async function expectCalmRefusal(res: APIResponse) {
  // Codat down (5xx): 503 codat_unavailable; Codat still asking us to slow down after our retries: 429 rate_limited.
  expect([503, 429], await res.text()).toContain(res.status());
  const body = (await res.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe(res.status() === 503 ? "codat_unavailable" : "rate_limited");
  expect(body.error.message).toMatch(/try again/i);
  expect(Number(res.headers()["retry-after"])).toBeGreaterThan(0);
}

/**
 * Like a person: a calm "try again" answer is followed by another try. Setups are made until one was
 * refused along the way too, so the refusal path is proven, not just hoped for.
 */
type Created = { company: { id: string; codatCompanyId: string }; setupLink: { url: string } };

async function createSetupDespiteFaults(name: string): Promise<Created> {
  let created: Created | null = null as Created | null;
  let refusals = 0;
  for (let attempt = 1; attempt <= 20 && (!created || refusals === 0); attempt++) {
    const res = await support.post("/api/companies", { data: { name: `${name} ${attempt}`, contactEmail: "" } });
    if (res.status() === 201) created = (await res.json()) as Created;
    else {
      await expectCalmRefusal(res);
      refusals++;
    }
  }
  expect(refusals, "Codat's failures reached people as calm refusals at least once").toBeGreaterThan(0);
  if (!created) throw new Error("no setup could be created in 20 tries at 30% faults");
  return created;
}

async function expectNoErrorPage(page: Page) {
  await expect(page.getByRole("heading", { name: "Something went wrong on our side" })).toHaveCount(0);
}

test("at 30% failing, slow answers from Codat, every flow completes and the client only sees calm words", async ({ browser }) => {
  test.setTimeout(180_000);
  await setSimConfig(anonymous, { errorRate5xx: 0.15, errorRate429: 0.15, latencyMs: 200 });
  const setup = await createSetupDespiteFaults(`Flaky Codat Ltd ${Date.now().toString(36)}`);

  const context = await browser.newContext();
  const page = await context.newPage();
  const serverErrors: string[] = [];
  page.on("response", (r) => {
    if (r.status() >= 500) serverErrors.push(`${r.status()} ${r.url()}`);
  });
  await page.goto(new URL(setup.setupLink.url).pathname);
  await expect(page).toHaveURL(/\/setup\//);
  await expectNoErrorPage(page);

  // The client at the PC links the connector; the wizard notices despite failing status checks.
  await linkSimulatedPc(anonymous, setup.company.codatCompanyId);
  await until(
    "the wizard to see the connector linked",
    async () => {
      const res = await page.request.get(`/api/companies/${setup.company.id}/setup`);
      expect(res.status()).toBe(200);
      return ((await res.json()) as { company: { connection: { status: string } } }).company.connection.status;
    },
    (s) => s === "Linked",
    30_000,
    700,
  );

  // Test push from the connection health page, trying again as the page invites to.
  await page.goto("/setup/health");
  await expectNoErrorPage(page);
  const outcomes: string[] = [];
  await page.getByRole("button", { name: "Run test push" }).click();
  for (let attempt = 1; attempt <= 6; attempt++) {
    const heading = page.getByRole("heading", { level: 3 }).filter({ hasText: /The test push worked|Codat is not answering|Too many requests just now/ });
    await expect(heading).toBeVisible({ timeout: 45_000 });
    const title = (await heading.textContent()) ?? "";
    outcomes.push(title);
    if (title.includes("worked")) break;
    await expectNoErrorPage(page);
    await page.getByRole("button", { name: "Try again" }).click();
    await expect(page.getByRole("heading", { name: "Test push running" })).toBeVisible();
  }
  expect(outcomes.at(-1), `outcomes: ${outcomes.join(" → ")}`).toContain("The test push worked");

  const enabled = await page.request.put(`/api/companies/${setup.company.id}/push`, { data: { enabled: true } });
  expect(enabled.status(), await enabled.text()).toBe(200);
  expect(((await enabled.json()) as { pushEnabled: boolean }).pushEnabled).toBe(true);
  await expectNoErrorPage(page);
  expect(serverErrors).toEqual([]);
  await context.close();
});

test("Codat down for longer than the retries: 'try again later' for people, and the timeline shows it", async ({ browser }) => {
  test.setTimeout(120_000);
  await setSimConfig(anonymous, { errorRate5xx: 0, errorRate429: 0, latencyMs: 0 });
  const setup = await createSetup(support, `Outage Ltd ${Date.now().toString(36)}`);
  await linkSimulatedPc(anonymous, setup.company.codatCompanyId);
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(new URL(setup.setupLink.url).pathname);
  await until(
    "the connector to link",
    async () => ((await (await page.request.get(`/api/companies/${setup.company.id}/setup`)).json()) as { company: { connection: { status: string } } }).company.connection.status,
    (s) => s === "Linked",
  );

  await setSimConfig(anonymous, { errorRate5xx: 1 });
  // Support creating a setup: 503, codat_unavailable, Retry-After.
  await expectCalmRefusal(await support.post("/api/companies", { data: { name: "Not Now Ltd" } }));
  // The client's test push: a plain explanation that says to try again in a few minutes.
  await page.goto("/setup/health");
  await page.getByRole("button", { name: "Run test push" }).click();
  await expect(page.getByRole("heading", { name: "Codat is not answering" })).toBeVisible({ timeout: 45_000 });
  await expect(page.getByText("Try the test push again in a few minutes.")).toBeVisible();
  await expectNoErrorPage(page);
  // Support sees it in the company's timeline.
  const supportPage = await browser.newContext({ storageState: await support.storageState() });
  const timelinePage = await supportPage.newPage();
  await timelinePage.goto(`/support/companies/${setup.company.id}`);
  await expect(timelinePage.getByTestId("timeline").getByRole("listitem").first()).toContainText(/could not (send the test push to|be sent to) Codat/i);
  await supportPage.close();
  await setSimConfig(anonymous, { errorRate5xx: 0 });
  await context.close();
});

test("Codat refusing our API key (401): the client is told support has been alerted, never that Codat is down; support sees what Codat said", async ({ browser }) => {
  test.setTimeout(120_000);
  await setSimConfig(anonymous, { errorRate5xx: 0, errorRate429: 0, latencyMs: 0, failNext: null });
  const setup = await createSetup(support, `Refused Key Ltd ${Date.now().toString(36)}`);
  await linkSimulatedPc(anonymous, setup.company.codatCompanyId);
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(new URL(setup.setupLink.url).pathname);
  await until(
    "the connector to link",
    async () => ((await (await page.request.get(`/api/companies/${setup.company.id}/setup`)).json()) as { company: { connection: { status: string } } }).company.connection.status,
    (s) => s === "Linked",
  );
  await page.goto("/setup/health");
  // Every answer from Codat for a while is a 401, as when the integrator's key was revoked.
  await setSimConfig(anonymous, { failNext: { status: 401, count: 20 } });
  await page.getByRole("button", { name: "Run test push" }).click();
  await expect(page.getByRole("heading", { name: "Support has been alerted" })).toBeVisible({ timeout: 45_000 });
  await expect(page.getByText(/not answering/i)).toHaveCount(0);
  await expectNoErrorPage(page);
  await setSimConfig(anonymous, { failNext: null });

  // Support: the same words, and Codat's own answer under the push.
  const supportContext = await browser.newContext({ storageState: await support.storageState() });
  const supportPage = await supportContext.newPage();
  await supportPage.goto(`/support/companies/${setup.company.id}`);
  const evidence = supportPage.getByTestId("codat-evidence").first();
  await evidence.getByText("What Codat said").click();
  await expect(evidence.getByRole("definition").first()).toBeVisible();
  await expect(evidence).toContainText("HTTP status");
  await expect(evidence).toContainText("401");
  await expect(evidence).toContainText("Correlation ID");
  await expect(evidence).not.toContainText(setup.company.codatCompanyId);
  await supportContext.close();
  await context.close();
});
