import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test, expect, type APIRequestContext, type PlaywrightWorkerArgs } from "@playwright/test";
import { createAppServer, createThrowawayDatabase, freePort, sharedDeploymentEnv, type AppServer, type ThrowawayDatabase } from "../lib/security/testing/app-server";
import {
  createSetup,
  linkSimulatedPc,
  openSetupLink,
  postStaffCredentials,
  setSimConfig,
  signInStaff,
  waitLinked,
  waitTestPushDone,
} from "../lib/security/testing/flows";

/**
 * Two app instances (two `next start` processes) on one PostgreSQL database, with the same secrets
 * and each its own URL, as an integrator running several instances would. Sessions made by one work
 * on the other. Concurrent test-push starts from both make one push; enable/disable races end in one
 * consistent state; abuse limits count across both.
 */
const root = path.resolve(import.meta.dirname, "..");
const adminUrl = process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

test.describe.configure({ mode: "serial" });

let db: ThrowawayDatabase | null = null;
let dataDir = "";
const servers: AppServer[] = [];
const contexts: APIRequestContext[] = [];

test.beforeAll(async ({ playwright }, testInfo) => {
  testInfo.setTimeout(180_000);
  db = await createThrowawayDatabase(adminUrl);
  if (!db) return;
  dataDir = mkdtempSync(path.join(tmpdir(), "push-setup-two-"));
  const env = sharedDeploymentEnv(process.env, db.url, dataDir);
  for (const name of ["instance-a", "instance-b"]) {
    servers.push(await createAppServer({ name, root, port: await freePort(), env, logDir: path.join(root, "test-results", "servers") }));
  }
  // One after the other: the first migrates (the second waits on the migration lock anyway).
  for (const s of servers) await s.start();
  for (const s of servers) contexts.push(await playwright.request.newContext({ baseURL: s.url }));
});

test.afterAll(async () => {
  for (const c of contexts) await c.dispose();
  for (const s of servers) await s.stop();
  await db?.drop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function count(sql: string, params: unknown[]): Promise<number> {
  const rows = await db!.query<{ n: string }>(sql, params);
  return Number(rows[0]?.n ?? 0);
}

/** A company linked and ready for a test push, with one support session usable on both instances. */
async function linkedCompany(playwright: PlaywrightWorkerArgs["playwright"], name: string) {
  const a = await playwright.request.newContext({ baseURL: servers[0]!.url });
  await signInStaff(a, "support");
  const setup = await createSetup(a, name);
  await linkSimulatedPc(a, setup.company.codatCompanyId);
  await waitLinked(a, setup.company.id);
  // The session made on instance A works on instance B (same AUTH_SECRET, same database).
  const b = await playwright.request.newContext({ baseURL: servers[1]!.url, storageState: await a.storageState() });
  contexts.push(a, b);
  return { setup, a, b };
}

test("concurrent test-push starts from both instances yield one push operation", async ({ playwright }) => {
  test.skip(!db, `no PostgreSQL at ${adminUrl}`);
  test.setTimeout(120_000);
  const { setup, a, b } = await linkedCompany(playwright, "Two Instances Ltd");
  await setSimConfig(a, { processingDelayMs: 3000 });
  const starts = Array.from({ length: 8 }, (_, i) => {
    const ctx = i % 2 ? b : a;
    const headers: Record<string, string> = i % 3 === 0 ? {} : { "Idempotency-Key": i % 3 === 1 ? "same-key-0001" : `key-${i}-000000` };
    return ctx.post(`/api/companies/${setup.company.id}/test-pushes`, { headers });
  });
  const answers = await Promise.all(starts);
  for (const res of answers) expect(res.status(), await res.text()).toBe(202);
  const ids = new Set(await Promise.all(answers.map(async (r) => ((await r.json()) as { testPush: { id: string } }).testPush.id)));
  expect(ids.size, "one push for all of them").toBe(1);
  expect(await count("select count(*) as n from test_pushes where company_id = $1", [setup.company.id])).toBe(1);
  expect(await count("select count(*) as n from sim_push_operations where company_id = $1", [setup.company.codatCompanyId])).toBe(1);
  expect(await count("select count(*) as n from events where company_id = $1 and type = 'test_push.started'", [setup.company.id])).toBe(1);
  const done = await waitTestPushDone(b, setup.company.id);
  expect(done?.status).toBe("success");
  expect(await count("select count(*) as n from events where company_id = $1 and type = 'test_push.success'", [setup.company.id])).toBe(1);
  await setSimConfig(a, { processingDelayMs: 0 });
});

test("enable and disable races across instances end in one consistent state", async ({ playwright }) => {
  test.skip(!db, `no PostgreSQL at ${adminUrl}`);
  test.setTimeout(120_000);
  const { setup, a, b } = await linkedCompany(playwright, "Race To Enable Ltd");
  const client = await playwright.request.newContext({ baseURL: servers[1]!.url });
  contexts.push(client);
  await openSetupLink(client, setup.setupLink.url);
  expect((await a.post(`/api/companies/${setup.company.id}/test-pushes`)).status()).toBe(202);
  expect((await waitTestPushDone(a, setup.company.id))?.status).toBe("success");

  const put = (ctx: APIRequestContext, enabled: boolean) => ctx.put(`/api/companies/${setup.company.id}/push`, { data: { enabled } });
  const on = await Promise.all(Array.from({ length: 10 }, (_, i) => put([a, b, client][i % 3]!, true)));
  for (const res of on) expect(res.status(), await res.text()).toBe(200);
  expect(await count("select count(*) as n from events where company_id = $1 and type = 'push.enabled'", [setup.company.id])).toBe(1);

  const mixed = await Promise.all(Array.from({ length: 12 }, (_, i) => put([a, b, client][i % 3]!, i % 2 === 0)));
  for (const res of mixed) expect(res.status(), await res.text()).toBe(200);
  const events = await db!.query<{ type: string }>(
    "select type from events where company_id = $1 and type in ('push.enabled', 'push.disabled') order by id",
    [setup.company.id],
  );
  // Each change is recorded once: the events alternate, and the last one is the state stored.
  for (let i = 1; i < events.length; i++) expect(events[i]!.type, `event ${i}`).not.toBe(events[i - 1]!.type);
  const [row] = await db!.query<{ push_enabled: boolean }>("select push_enabled from companies where id = $1", [setup.company.id]);
  expect(row?.push_enabled).toBe(events.at(-1)!.type === "push.enabled");
  for (const ctx of [a, b]) {
    const view = (await (await ctx.get(`/api/companies/${setup.company.id}/setup`)).json()) as { company: { pushEnabled: boolean } };
    expect(view.company.pushEnabled, "both instances report the stored state").toBe(row?.push_enabled);
  }
});

test("abuse limits are counted across instances", async ({ playwright }) => {
  test.skip(!db, `no PostgreSQL at ${adminUrl}`);
  const [a, b] = [await playwright.request.newContext({ baseURL: servers[0]!.url }), await playwright.request.newContext({ baseURL: servers[1]!.url })];
  contexts.push(a, b);
  const email = "shared-limit@example.com";
  for (let i = 0; i < 10; i++) {
    const res = await postStaffCredentials(i % 2 ? b : a, email, `wrong-${i}`, { "X-Forwarded-For": `192.0.2.${i + 1}` });
    expect(res.status(), `attempt ${i + 1} on instance ${i % 2 ? "b" : "a"}`).toBe(302);
  }
  for (const ctx of [a, b]) {
    const limited = await postStaffCredentials(ctx, email, "wrong-again", { "X-Forwarded-For": "192.0.2.99" });
    expect(limited.status()).toBe(429);
    expect(Number(limited.headers()["retry-after"])).toBeGreaterThan(0);
  }

  await signInStaff(a, "support");
  const setup = await createSetup(a, "Shared Limit Ltd");
  const state = await a.storageState();
  const bStaff = await playwright.request.newContext({ baseURL: servers[1]!.url, storageState: state });
  contexts.push(bStaff);
  for (let i = 0; i < 10; i++) {
    expect((await (i % 2 ? bStaff : a).post(`/api/companies/${setup.company.id}/test-pushes`)).status()).toBe(409);
  }
  expect((await bStaff.post(`/api/companies/${setup.company.id}/test-pushes`)).status()).toBe(429);
});
