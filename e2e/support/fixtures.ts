import { test as base, expect, type Page, type APIRequestContext } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

export const STAFF = {
  admin: { email: "admin@example.com", password: "demo-admin-2026" },
  support: { email: "support@example.com", password: "demo-support-2026" },
} as const;

/** Signs a staff member in through Auth.js's API (the UI sign-in has its own test). */
export async function signInByApi(request: APIRequestContext, role: keyof typeof STAFF) {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const res = await request.post("/api/auth/callback/staff", {
    form: { csrfToken, ...STAFF[role], callbackUrl: "/support" },
    maxRedirects: 0,
  });
  expect(res.status(), "staff sign-in through the API").toBe(302);
  expect(res.headers()["location"] ?? "").not.toContain("error");
}

/** Axe scan for WCAG 2.2 A and AA; fails listing each violation. */
export async function expectAccessible(page: Page, label?: string) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
  expect(summary, `axe violations on ${label ?? page.url()}`).toEqual([]);
}

/** Axe's heading-order rule (a best practice, outside the WCAG tags above; Lighthouse scores it): no level skipped. */
export async function expectHeadingsInOrder(page: Page, label?: string) {
  const results = await new AxeBuilder({ page }).withRules(["heading-order"]).analyze();
  expect(results.violations.flatMap((v) => v.nodes.map((n) => n.target.join(" "))), `headings out of order on ${label ?? page.url()}`).toEqual([]);
}

type Fixtures = { loginAs: (role: keyof typeof STAFF) => Promise<void> };

export const test = base.extend<Fixtures>({
  loginAs: async ({ page }, use) => {
    await use((role) => signInByApi(page.request, role));
  },
});

export { expect };
