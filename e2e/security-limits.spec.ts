import { test, expect, request as playwrightRequest, type APIRequestContext, type APIResponse } from "@playwright/test";
import { createSetup, postStaffCredentials, signInStaff } from "../lib/security/testing/flows";

/**
 * Abuse limits: staff sign-in failures per account (10 / 15 min) and per address (50 / 15 min),
 * setup-link failures per address (30 / 10 min, shared by /s/<token>, /go and Auth.js's callback),
 * test-push starts per company (10 / 10 min). Limited requests get 429 with Retry-After; the staff
 * form still says only "Wrong email or password.". Each test uses its own made-up address (the last
 * X-Forwarded-For hop is the address the limits count), so the rest of the suite is not limited.
 */
let addresses = 0;
/** A documentation-range address no other test uses (the browser tests' database is new each run). */
const uniqueIp = () => {
  addresses++;
  return `198.18.${Math.floor(addresses / 250)}.${(addresses % 250) + 1}`;
};

async function expectTooMany(res: APIResponse, maxSeconds: number) {
  expect(res.status(), await res.text()).toBe(429);
  const retryAfter = Number(res.headers()["retry-after"]);
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(maxSeconds);
}

async function session(baseURL: string | undefined): Promise<APIRequestContext> {
  return playwrightRequest.newContext({ baseURL });
}

test("staff sign-in: the 11th failure for one account is refused, even with the right password; the form says only 'Wrong email or password'", async ({ page, baseURL }) => {
  const admin = await session(baseURL);
  await signInStaff(admin, "admin");
  const email = `limit-${Date.now().toString(36)}@example.com`;
  const invited = await admin.post("/api/staff", { data: { name: "Limit Test", email, role: "support" } });
  expect(invited.status()).toBe(201);
  const { oneTimePassword } = (await invited.json()) as { oneTimePassword: string };

  const api = await session(baseURL);
  for (let i = 0; i < 10; i++) {
    // A different address each time: the per-account limit holds whatever the address.
    const res = await postStaffCredentials(api, email, `wrong-${i}`, { "X-Forwarded-For": uniqueIp() });
    expect(res.status()).toBe(302);
    expect(res.headers()["location"]).toContain("code=credentials");
  }
  // Sliding windows: the wait can run into the next window, never past it.
  await expectTooMany(await postStaffCredentials(api, email, oneTimePassword, { "X-Forwarded-For": uniqueIp() }), 2 * 15 * 60);

  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(oneTimePassword);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Could not sign in" })).toContainText("Wrong email or password.");
  await expect(page).toHaveURL(/\/sign-in/);
  await admin.dispose();
  await api.dispose();
});

test("staff sign-in: 50 failures from one address refuse the next attempt from it, for any account", async ({ baseURL }) => {
  test.setTimeout(120_000);
  const api = await session(baseURL);
  const from = { "X-Forwarded-For": uniqueIp() };
  const tag = Date.now().toString(36);
  for (let i = 0; i < 50; i++) {
    const res = await postStaffCredentials(api, `spray-${tag}-${i}@example.com`, "guess", from);
    expect(res.status(), `attempt ${i + 1}`).toBe(302);
  }
  await expectTooMany(await postStaffCredentials(api, `spray-${tag}-last@example.com`, "guess", from), 2 * 15 * 60);
  // Another address is not affected, and the right password there still works.
  await signInStaff(api, "support", { "X-Forwarded-For": uniqueIp() });
  await api.dispose();
});

test("setup links: after 30 failed exchanges from one address, /s, the Auth.js callback and /go all refuse it with 429 or a clear wait", async ({ browser, baseURL }) => {
  const support = await session(baseURL);
  await signInStaff(support, "support");
  const setup = await createSetup(support, `Limits Ltd ${Date.now().toString(36)}`);
  const token = new URL(setup.setupLink.url).pathname.split("/").pop()!;
  const from = uniqueIp();
  const api = await session(baseURL);
  for (let i = 0; i < 30; i++) {
    const res = await api.get(`/s/not-a-token-${i}-000000000000000000000`, { headers: { "X-Forwarded-For": from }, maxRedirects: 0 });
    expect(res.headers()["location"] ?? "", `attempt ${i + 1}`).toContain("/link-problem?reason=invalid");
  }
  // Even the right link is refused from that address now: 429 page, Retry-After.
  const page429 = await api.get(`/s/${token}`, { headers: { "X-Forwarded-For": from }, maxRedirects: 0 });
  // Sliding windows: the wait can run into the next window, never past it.
  await expectTooMany(page429, 2 * 10 * 60);
  expect(page429.headers()["content-type"]).toContain("text/html");
  expect(await page429.text()).toContain("Too many attempts");

  const csrf = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const callback = await api.post("/api/auth/callback/setup-link", {
    form: { csrfToken: csrf.csrfToken, token, callbackUrl: "/setup" },
    headers: { "X-Forwarded-For": from },
    maxRedirects: 0,
  });
  await expectTooMany(callback, 2 * 10 * 60);
  expect(((await callback.json()) as { error: { code: string } }).error.code).toBe("rate_limited");

  const context = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": from } });
  const page = await context.newPage();
  await page.goto("/go");
  await page.getByLabel("Setup code").fill(setup.setupLink.shortCode);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByText(/Too many codes were tried from this network\. Wait \d+ minutes?, then try again\./)).toBeVisible();
  await context.close();

  // From another address the same link works at once.
  const fresh = await session(baseURL);
  const ok = await fresh.get(`/s/${token}`, { headers: { "X-Forwarded-For": uniqueIp() } });
  expect(new URL(ok.url()).pathname).toMatch(/^\/setup/);
  for (const s of [support, api, fresh]) await s.dispose();
});

test("test pushes: the 11th start for one company within 10 minutes gets 429 with Retry-After", async ({ baseURL }) => {
  const support = await session(baseURL);
  await signInStaff(support, "support");
  const setup = await createSetup(support, `Push Limit Ltd ${Date.now().toString(36)}`);
  for (let i = 0; i < 10; i++) {
    // Not linked yet, so each start is refused by the service, but each one counts.
    const res = await support.post(`/api/companies/${setup.company.id}/test-pushes`);
    expect(res.status(), `start ${i + 1}`).toBe(409);
  }
  const limited = await support.post(`/api/companies/${setup.company.id}/test-pushes`);
  await expectTooMany(limited, 2 * 10 * 60);
  expect(((await limited.json()) as { error: { code: string } }).error.code).toBe("rate_limited");
  await support.dispose();
});
