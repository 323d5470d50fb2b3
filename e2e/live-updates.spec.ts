import type { Browser, Page } from "@playwright/test";
import { test, expect } from "./support/fixtures";
import { confirmAndRunTestPush, createClientSetup, linkThroughPc, openAsClient, useFastSimulator, type ClientSetup } from "./support/wizard-helpers";

const PUSH_PASSWORD = "Pu5hUser1";

/** Counts the page's reads of the latest test push (the poll the live stream replaces). */
function countPolls(page: Page, companyId: string) {
  const polls = { count: 0 };
  page.on("request", (req) => {
    if (req.method() === "GET" && req.url().endsWith(`/api/companies/${companyId}/test-pushes`)) polls.count += 1;
  });
  return polls;
}

/** A new company's client in a browser of their own, with a fast simulator; the browser is closed after. */
async function asNewClient(browser: Browser, baseURL: string, name: string, run: (page: Page, setup: ClientSetup) => Promise<void>) {
  const setup = await createClientSetup(baseURL, name);
  const { context, page } = await openAsClient(browser, baseURL, setup.setupUrl);
  try {
    await useFastSimulator(page.request);
    await run(page, setup);
  } finally {
    await context.close();
  }
}

test("the wizard hears the test push's verdict on its live stream", async ({ browser }, info) => {
  await asNewClient(browser, info.project.use.baseURL ?? "", "Live Stream Ltd", async (page, setup) => {
    const stream = page.waitForResponse((res) => res.url().endsWith(`/api/companies/${setup.companyId}/events`));
    await linkThroughPc(page, setup, "Live Push", PUSH_PASSWORD);
    const res = await stream;
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toMatch(/^text\/event-stream/);
    // Not gzipped (Cache-Control: no-transform): a compressed stream would be held back until it ends.
    expect(res.headers()["content-encoding"]).toBeUndefined();
    await confirmAndRunTestPush(page);
  });
});

test("with the live stream blocked, the wizard still reaches the verdict by polling", async ({ browser }, info) => {
  await asNewClient(browser, info.project.use.baseURL ?? "", "Blocked Stream Ltd", async (page, setup) => {
    await page.route("**/api/companies/*/events", (route) => route.abort());
    const polls = countPolls(page, setup.companyId);
    await linkThroughPc(page, setup, "Polled Push", PUSH_PASSWORD);
    await confirmAndRunTestPush(page);
    expect(polls.count).toBeGreaterThan(0);
  });
});
