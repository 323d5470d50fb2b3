import type { Page, Response } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { test, expect, expectAccessible } from "./support/fixtures";
import { collectCspViolations } from "./support/csp-violations";

/**
 * The API reference: /docs/api shows the served OpenAPI document in a kept viewer (decision 020),
 * under a policy that lets only that page carry inline <style> elements; /docs/api/plain is the
 * server-rendered page without JavaScript.
 */
type Doc = {
  info: { title: string };
  paths: Record<string, Record<string, { summary: string }>>;
  webhooks: Record<string, unknown>;
};

/** Marks the viewer's own code: its component logs its name and version when it loads. */
const VIEWER_MARK = "@scalar/api-reference@";

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** One main landmark, at the top level, and landmarks told apart by their names (axe's landmark rules). */
async function expectOneMain(page: Page, label: string) {
  await expect(page.getByRole("main"), label).toHaveCount(1);
  const results = await new AxeBuilder({ page })
    .withRules(["landmark-one-main", "landmark-no-duplicate-main", "landmark-main-is-top-level", "landmark-unique"])
    .analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), label).toEqual([]);
}

async function servedDocument(page: Page): Promise<Doc> {
  const res = await page.request.get("/api/v1/openapi.json");
  expect(res.status()).toBe(200);
  return (await res.json()) as Doc;
}

/** CSP violations (as the page reports them) and requests to any other host, from before the first script. */
async function watch(page: Page, origin: string) {
  const problems = await collectCspViolations(page);
  page.on("request", (r) => {
    if (!r.url().startsWith(origin) && !r.url().startsWith("data:")) problems.push(`request to ${r.url()}`);
  });
  return problems;
}

/** The JavaScript files a page loaded, with whether each is the viewer's. */
async function scriptsOf(page: Page, path: string): Promise<Map<string, boolean>> {
  const responses: Response[] = [];
  const onResponse = (r: Response) => {
    if (r.request().resourceType() === "script") responses.push(r);
  };
  page.on("response", onResponse);
  await page.goto(path);
  await page.waitForLoadState("networkidle");
  page.off("response", onResponse);
  const scripts = new Map<string, boolean>();
  for (const r of responses) scripts.set(new URL(r.url()).pathname, (await r.text()).includes(VIEWER_MARK));
  return scripts;
}

test("/docs/api shows every operation and webhook of the served document, under its policy, with nothing from another host", async ({ page, baseURL }) => {
  const doc = await servedDocument(page);
  const problems = await watch(page, baseURL!);
  const res = await page.goto("/docs/api");
  const csp = res!.headers()["content-security-policy"] ?? "";
  expect(csp).toContain("style-src 'self' 'unsafe-inline'");
  expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(csp).toContain("connect-src 'self'");

  await expect(page.getByRole("heading", { level: 1, name: doc.info.title })).toBeVisible();
  const sidebar = page.getByRole("complementary", { name: `Sidebar for ${doc.info.title}` });
  const summaries = Object.values(doc.paths).flatMap((methods) => Object.values(methods).map((op) => op.summary));
  expect(summaries.length).toBeGreaterThan(5);
  for (const summary of summaries) {
    await expect(sidebar.getByRole("link", { name: new RegExp(`^${escape(summary)}`) }), summary).toBeVisible();
  }
  const webhooks = Object.keys(doc.webhooks);
  expect(webhooks).toContain("push_health.changed");
  for (const name of webhooks) {
    await expect(sidebar.getByRole("link", { name: new RegExp(`^${escape(name)}\\b`) }), name).toBeVisible();
  }
  // Switched off: the request client and its assistant would offer to send requests from this page.
  await expect(page.getByRole("button", { name: /Test Request/i })).toHaveCount(0);
  await expect(page.getByText(/Ask AI/i)).toHaveCount(0);

  await expectAccessible(page, "/docs/api");
  // The viewer brings the page's <main>; the layout leaves its own out here (MainLandmark).
  await expectOneMain(page, "/docs/api");
  await expect(page.getByRole("main")).toContainText(doc.info.title);
  await page.screenshot({ path: "test-results/screenshots/api-reference.png" });
  expect(problems).toEqual([]);
});

test("keyboard: from the site header to the viewer's search, which finds an operation and opens it", async ({ page, baseURL }) => {
  const problems = await watch(page, baseURL!);
  await page.goto("/docs/api");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("button", { name: /Open Search/ })).toBeVisible();

  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
  const order: string[] = [];
  for (let i = 0; i < 12 && order.at(-1) !== "search"; i++) {
    await page.keyboard.press("Tab");
    order.push(
      await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        return /Open Search/.test(el.getAttribute("aria-label") ?? el.textContent ?? "") ? "search" : (el.textContent ?? "").trim();
      }),
    );
  }
  expect(order.at(-1), `Tab order: ${order.join(" → ")}`).toBe("search");
  expect(order).toContain("Read the plain reference");

  await page.keyboard.press("Enter");
  const query = page.getByRole("combobox", { name: "Enter search query" });
  await expect(query).toBeFocused();
  await page.keyboard.type("renew");
  await expect(page.getByRole("option", { name: /Renew the client's setup link/ })).toBeVisible();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#POST\/api\/v1\/setups\/(\{|%7B)id(\}|%7D)\/links$/);
  await expect(page.getByRole("heading", { name: "Renew the client's setup link" }).first()).toBeInViewport();
  // The opened operation with its request sample and answers, scanned as shown.
  await expectAccessible(page, "/docs/api at an operation");
  expect(problems).toEqual([]);
});

test("the viewer's script is loaded by /docs/api alone; the plain reference has every operation and no script of its own", async ({ page }) => {
  const doc = await servedDocument(page);
  const reference = await scriptsOf(page, "/docs/api");
  const viewer = [...reference].filter(([, isViewer]) => isViewer).map(([path]) => path);
  expect(viewer.length, "the viewer's code is in a chunk of its own").toBeGreaterThan(0);

  for (const path of ["/", "/docs/api/plain", "/go"]) {
    const scripts = await scriptsOf(page, path);
    const loaded = [...scripts].filter(([p, isViewer]) => isViewer || viewer.includes(p)).map(([p]) => p);
    expect(loaded, `${path} loads none of the viewer's code`).toEqual([]);
  }

  await page.goto("/docs/api/plain");
  await expect(page.getByRole("heading", { level: 1, name: doc.info.title })).toBeVisible();
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const method of Object.keys(methods)) {
      await expect(page.getByRole("heading", { level: 2, name: new RegExp(`^${method} ${escape(path)}$`, "i") })).toBeVisible();
    }
  }
  await expectAccessible(page, "/docs/api/plain");
  await expectOneMain(page, "/docs/api/plain");
});

test("when the viewer cannot load, the page says so and links the plain reference", async ({ page }) => {
  // The browser is refused every file of the viewer's code; the rest of the page loads as usual.
  await page.route("**/_next/static/chunks/**", async (route) => {
    const response = await route.fetch();
    const body = await response.text();
    if (body.includes(VIEWER_MARK)) await route.abort();
    else await route.fulfill({ response, body });
  });
  await page.goto("/docs/api");
  const alert = page.getByRole("alert").filter({ hasText: "The interactive reference could not load." });
  await expect(alert).toBeVisible();
  await expectOneMain(page, "/docs/api without its viewer");
  await alert.getByRole("link", { name: "read the plain reference" }).click();
  await expect(page).toHaveURL(/\/docs\/api\/plain$/);
  await expect(page.getByRole("heading", { level: 2, name: /^post \/api\/v1\/setups$/i })).toBeVisible();
});
