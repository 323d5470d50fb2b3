import { expect, type APIRequestContext, type APIResponse } from "@playwright/test";
import { DEMO_STAFF } from "../../demo/demo-logins";
import { isTestPushRunning } from "../../sage/test-push-status";
import type { TestPushStatus } from "../../sage/types";

/**
 * Test support: the product's flows over HTTP with Playwright request contexts, so the same steps
 * run against the browser tests' server or against servers a spec starts itself (other ports,
 * PostgreSQL, killed and restarted). Each context keeps its own cookies: one per actor.
 */

export type Setup = {
  company: { id: string; name: string; codatCompanyId: string };
  setupLink: { url: string; shortCode: string };
};

export type TestPushView = { id: string; status: TestPushStatus; pushOperationKey: string | null; diagnosis: { code: string } };

async function failWith(res: APIResponse, what: string): Promise<never> {
  throw new Error(`${what}: ${res.status()} ${(await res.text()).slice(0, 500)}`);
}

/** Signs a demo staff member in through Auth.js's API (CSRF token, credentials callback). */
export async function signInStaff(ctx: APIRequestContext, role: "admin" | "support", headers: Record<string, string> = {}) {
  const who = DEMO_STAFF.find((s) => s.role === role);
  if (!who) throw new Error(`no demo ${role}`);
  const res = await postStaffCredentials(ctx, who.email, who.password, headers);
  const location = res.headers()["location"] ?? "";
  if (res.status() !== 302 || location.includes("error")) await failWith(res, `sign in as ${role} (${location})`);
}

/** One staff credentials attempt through the API, as a script would make it; the raw answer. */
export async function postStaffCredentials(ctx: APIRequestContext, email: string, password: string, headers: Record<string, string> = {}) {
  const csrf = (await (await ctx.get("/api/auth/csrf", { headers })).json()) as { csrfToken: string };
  return ctx.post("/api/auth/callback/staff", {
    form: { csrfToken: csrf.csrfToken, email, password, callbackUrl: "/support" },
    headers,
    maxRedirects: 0,
  });
}

export async function createSetup(staff: APIRequestContext, name: string): Promise<Setup> {
  const res = await staff.post("/api/companies", { data: { name, contactEmail: "owner@example.com" } });
  if (res.status() !== 201) await failWith(res, `create setup ${name}`);
  return (await res.json()) as Setup;
}

/** The client opens its setup link (the context then holds a session bound to that company). */
export async function openSetupLink(client: APIRequestContext, url: string) {
  const res = await client.get(new URL(url).pathname);
  if (!new URL(res.url()).pathname.startsWith("/setup")) await failWith(res, `open setup link (ended at ${res.url()})`);
}

export async function pcAction(ctx: APIRequestContext, codatCompanyId: string, action: Record<string, unknown>) {
  const res = await ctx.post(`/api/sim/pc/${codatCompanyId}/actions`, { data: action });
  if (res.status() !== 200) await failWith(res, `PC action ${String(action.type)}`);
}

/** Plays the client at the Sage 50 PC: push user, connector installed and licensed, its login, company confirmed. */
export async function linkSimulatedPc(ctx: APIRequestContext, codatCompanyId: string, pushUser = "Acme Push", password = "Pw12345") {
  await pcAction(ctx, codatCompanyId, { type: "createSageUser", name: pushUser, userType: "Administrator", password });
  await pcAction(ctx, codatCompanyId, { type: "installConnector", licenseKey: codatCompanyId });
  await pcAction(ctx, codatCompanyId, { type: "chooseDataFile" });
  await pcAction(ctx, codatCompanyId, { type: "saveCredentials", username: pushUser, password });
  await pcAction(ctx, codatCompanyId, { type: "confirmCompany" });
}

/** Polls `fn` until `ok` holds (Playwright's expect.poll); a timeout shows the last value seen. */
export async function until<T>(what: string, fn: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 20_000, stepMs = 300): Promise<T> {
  let last: T | undefined;
  await expect
    .poll(
      async () => {
        last = await fn();
        return ok(last) ? "done" : JSON.stringify(last)?.slice(0, 500);
      },
      { message: `waiting for ${what}`, timeout: timeoutMs, intervals: [stepMs] },
    )
    .toBe("done");
  return last as T;
}

/** Waits until the app has seen the connector link (the wizard's state re-reads it, throttled). */
export async function waitLinked(ctx: APIRequestContext, companyId: string, timeoutMs = 20_000) {
  await until(
    "the connector to link",
    async () => {
      const res = await ctx.get(`/api/companies/${companyId}/setup`);
      if (res.status() !== 200) return null;
      return ((await res.json()) as { company: { connection: { status: string | null } } }).company.connection.status;
    },
    (status) => status === "Linked",
    timeoutMs,
    500,
  );
}


async function latestTestPush(ctx: APIRequestContext, companyId: string): Promise<TestPushView | null> {
  const res = await ctx.get(`/api/companies/${companyId}/test-pushes`);
  if (res.status() !== 200) await failWith(res, "latest test push");
  return ((await res.json()) as { testPush: TestPushView | null }).testPush;
}

export async function waitTestPushDone(ctx: APIRequestContext, companyId: string, timeoutMs = 30_000) {
  return until(
    "the test push to finish",
    () => latestTestPush(ctx, companyId),
    (v) => v !== null && !isTestPushRunning(v.status),
    timeoutMs,
    500,
  );
}

export async function setSimConfig(ctx: APIRequestContext, config: Record<string, unknown>) {
  const res = await ctx.put("/api/sim/config", { data: config });
  if (res.status() !== 200) await failWith(res, "simulator config");
  return (await res.json()) as Record<string, unknown>;
}
