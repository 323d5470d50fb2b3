import { test, expect, expectAccessible } from "./support/fixtures";
import { createSetupAsSupport, openAsClient } from "./support/api";

const CHARTS = [
  "Setups reaching each step",
  "Stalled setups by step",
  "Test-push failures by cause",
  "Real push failures by cause",
  "Setups completed per week",
] as const;

test("support reads the insights page: charts, their tables by keyboard, period and flow links, axe", async ({ page, loginAs }) => {
  await loginAs("support");
  await page.goto("/support");
  await page.getByRole("link", { name: "Insights", exact: true }).click();
  await expect(page).toHaveURL(/\/support\/insights$/);
  await expect(page.getByRole("heading", { level: 1, name: "Insights" })).toBeVisible();
  // The demo's past setups (lib/demo/seed-demo-history.ts) are seeded once the server answers: wait
  // until the funnel has them (eight of them started in the last 30 days, besides the live demo ones).
  await expect
    .poll(
      async () => {
        await page.reload();
        return page.getByRole("figure", { name: "Setups reaching each step" }).getByText(/^\d+ setups started/).textContent();
      },
      { timeout: 60_000, intervals: [1_000] },
    )
    .toMatch(/^([89]|\d{2,}) setups started/);

  for (const name of CHARTS) {
    const figure = page.getByRole("figure", { name });
    await expect(figure).toBeVisible();
    await expect(figure.getByRole("img", { name: new RegExp(`^${name}\\.`) })).toBeVisible();
    await expect(figure.locator("svg.recharts-surface").first()).toBeVisible();
  }
  await expectAccessible(page, "insights, tables closed");

  // Keyboard: Tab to the funnel's "Show as table" and open it with Enter; the same numbers as a real table.
  const funnel = page.getByRole("figure", { name: "Setups reaching each step" });
  const toggle = funnel.getByText("Show as table");
  await toggle.focus();
  await page.keyboard.press("Enter");
  await expect(funnel.locator("details")).toHaveAttribute("open", "");
  const table = funnel.getByRole("table", { name: /Funnel of setups created in the last 30 days/ });
  await expect(table).toBeVisible();
  await expect(table.getByRole("columnheader", { name: "Conversion to next" })).toBeVisible();
  await expect(table.getByRole("rowheader", { name: "Start" })).toBeVisible();
  await page.keyboard.press("Space");
  await expect(funnel.locator("details")).not.toHaveAttribute("open", "");

  // Every table open, for axe and the screenshot.
  for (const name of CHARTS) await page.getByRole("figure", { name }).getByText("Show as table").click();
  await expect(page.getByRole("table")).toHaveCount(7);
  await expectAccessible(page, "insights, tables open");
  await page.screenshot({ path: "test-results/screenshots/insights.png", fullPage: true, animations: "disabled" });

  // A stalled step links to the support list filtered to it.
  const stalledLink = page.getByRole("figure", { name: "Stalled setups by step" }).getByRole("link", { name: /stalled at/ }).first();
  const href = await stalledLink.getAttribute("href");
  expect(href).toMatch(/^\/support\?filter=stuck&step=[a-z-]+$/);

  // Period and flow are links (no script needed), keeping each other.
  await page.getByRole("navigation", { name: "Period" }).getByRole("link", { name: "Last 90 days" }).click();
  await expect(page).toHaveURL(/\/support\/insights\?days=90$/);
  await page.getByRole("navigation", { name: "Flow" }).getByRole("link", { name: "Upgrades" }).click();
  await expect(page).toHaveURL(/\/support\/insights\?days=90&flow=upgrade$/);
  await expect(page.getByRole("navigation", { name: "Flow" }).getByRole("link", { name: "Upgrades" })).toHaveAttribute("aria-current", "page");
  // The upgrade flow has no connector step (its connector is already installed).
  const upgradeFunnel = page.getByRole("figure", { name: "Setups reaching each step" });
  await expect(upgradeFunnel.getByRole("rowheader", { name: "Connector", exact: true, includeHidden: true })).toHaveCount(0);
  await expect(upgradeFunnel.getByRole("rowheader", { name: "Connector login", exact: true, includeHidden: true })).toHaveCount(1);
});

test("support downloads the filtered list and a timeline as CSV; a client can download neither", async ({ page, request, browser, loginAs }) => {
  const setup = await createSetupAsSupport(request, `=Formula "Quote", Ltd ${Date.now()}`);
  await loginAs("support");
  await page.goto("/support?filter=waiting&sort=name");
  const link = page.getByRole("link", { name: /Download CSV/ });
  await expect(link).toHaveAttribute("href", "/api/companies.csv?filter=waiting&sort=name");
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toMatch(/^setups-\d{4}-\d{2}-\d{2}\.csv$/);

  const csv = await page.request.get(`/api/companies.csv?q=${encodeURIComponent("formula quote")}`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-disposition"]).toMatch(/^attachment; filename="setups-/);
  const text = await csv.text();
  expect(text.split("\r\n")[1]).toMatch(/^"'=Formula ""Quote"", Ltd \d+",owner@example\.com,new,/);

  await page.goto(`/support/companies/${setup.company.id}`);
  const timelineLink = page.getByRole("link", { name: /Download CSV of the whole timeline/ });
  await expect(timelineLink).toHaveAttribute("href", `/api/companies/${setup.company.id}/timeline.csv`);
  const timeline = await page.request.get(`/api/companies/${setup.company.id}/timeline.csv`);
  expect(timeline.status()).toBe(200);
  expect(await timeline.text()).toContain("setup.created");

  const client = await openAsClient(browser, setup.setupLink.url);
  for (const path of ["/api/companies.csv", `/api/companies/${setup.company.id}/timeline.csv`]) {
    const res = await client.page.request.get(path);
    expect(res.status(), path).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("forbidden");
  }
  expect((await client.page.goto("/support/insights"))?.status()).toBe(403);
  await client.context.close();
});
