import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test, expect, type APIRequestContext } from "@playwright/test";
import { createAppServer, createThrowawayDatabase, freePort, sharedDeploymentEnv, type AppServer, type ThrowawayDatabase } from "../lib/security/testing/app-server";
import { createSetup, linkSimulatedPc, pcAction, setSimConfig, signInStaff, until, waitLinked } from "../lib/security/testing/flows";

/**
 * Crash and restart: the app is killed with SIGKILL while test pushes are pending, and started again.
 * Nobody watches afterwards (no browser polls; this spec reads the database directly), so what
 * finishes them is the follower the app starts at start-up. Each outcome is applied once, no webhook
 * is lost or applied twice, and a push whose deadline passed while the app was down is timed out.
 */
const root = path.resolve(import.meta.dirname, "..");
const adminUrl = process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

test.describe.configure({ mode: "serial" });

let db: ThrowawayDatabase | null = null;
let dataDir = "";
let server: AppServer;
let staff: APIRequestContext;

test.beforeAll(async ({ playwright }, testInfo) => {
  testInfo.setTimeout(120_000);
  db = await createThrowawayDatabase(adminUrl);
  if (!db) return;
  dataDir = mkdtempSync(path.join(tmpdir(), "push-setup-restart-"));
  server = await createAppServer({
    name: "restart",
    root,
    port: await freePort(),
    env: sharedDeploymentEnv(process.env, db.url, dataDir),
    logDir: path.join(root, "test-results", "servers"),
  });
  await server.start();
  staff = await playwright.request.newContext({ baseURL: server.url });
  await signInStaff(staff, "support");
});

test.afterAll(async () => {
  await staff?.dispose();
  await server?.stop();
  await db?.drop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function linked(name: string) {
  const setup = await createSetup(staff, name);
  await linkSimulatedPc(staff, setup.company.codatCompanyId);
  await waitLinked(staff, setup.company.id);
  return setup.company;
}

async function startPush(companyId: string) {
  const res = await staff.post(`/api/companies/${companyId}/test-pushes`);
  expect(res.status(), await res.text()).toBe(202);
  const { testPush } = (await res.json()) as { testPush: { id: string; status: string } };
  expect(testPush.status).toBe("pending");
  return testPush.id;
}

const pushRow = async (id: string) =>
  (await db!.query<{ status: string; diagnosis_code: string | null }>("select status, diagnosis_code from test_pushes where id = $1", [id]))[0];

async function eventCounts(companyId: string): Promise<Record<string, number>> {
  const rows = await db!.query<{ type: string; n: string }>(
    `select case when type = 'webhook.received' then type || ':' || (data->>'eventType') else type end as type, count(*) as n
     from events where company_id = $1 group by 1`,
    [companyId],
  );
  return Object.fromEntries(rows.map((r) => [r.type, Number(r.n)]));
}

async function crashAndRestart(whileDown: () => Promise<void> = async () => undefined) {
  await server.stop("SIGKILL");
  await whileDown();
  await server.start();
}

test("pending pushes are followed to their outcome after a SIGKILL, and a passed deadline still applies", async () => {
  test.skip(!db, `no PostgreSQL at ${adminUrl}`);
  test.setTimeout(150_000);
  // Webhooks off: only the follower, polling Codat, can finish these pushes.
  await setSimConfig(staff, { webhooksEnabled: false, processingDelayMs: 4000, minuteMs: 60_000 });
  const followed = await linked("Follower Ltd");
  const stalled = await linked("Deadline Ltd");
  await pcAction(staff, stalled.codatCompanyId, { type: "stopConnector" });
  const followedPush = await startPush(followed.id);
  const stalledPush = await startPush(stalled.id);

  // The deadline passes while the app is down.
  await crashAndRestart(() => db!.query("update test_pushes set deadline_at = now() - interval '1 second' where id = $1", [stalledPush]).then(() => undefined));

  expect((await until("the follower to finish the push", () => pushRow(followedPush), (r) => r?.status !== "pending", 30_000, 500))?.status).toBe("success");
  const timedOut = await until("the follower to time the stalled push out", () => pushRow(stalledPush), (r) => r?.status !== "pending", 30_000, 500);
  expect(timedOut).toEqual({ status: "timed_out", diagnosis_code: "connector_offline" });

  expect(await eventCounts(followed.id)).toMatchObject({ "test_push.started": 1, "test_push.success": 1 });
  const stalledEvents = await eventCounts(stalled.id);
  expect(stalledEvents).toMatchObject({ "test_push.started": 1, "test_push.timed_out": 1 });
  expect(stalledEvents["test_push.success"]).toBeUndefined();
});

test("a push pending at a SIGKILL, with webhooks on, ends with each event and webhook applied exactly once", async () => {
  test.skip(!db, `no PostgreSQL at ${adminUrl}`);
  test.setTimeout(150_000);
  await setSimConfig(staff, { webhooksEnabled: true, processingDelayMs: 4000 });
  const company = await linked("Webhook Restart Ltd");
  const push = await startPush(company.id);
  await crashAndRestart();

  expect((await until("the push to finish", () => pushRow(push), (r) => r?.status !== "pending", 30_000, 500))?.status).toBe("success");
  const delivered = await until(
    "the simulator to deliver the push webhook",
    () => db!.query<{ status: string; attempts: number }>("select status, attempts from sim_webhook_deliveries where company_id = $1 and event_type = 'suppliers.write.successful'", [company.codatCompanyId]),
    (rows) => rows.length > 0 && rows.every((r) => r.status === "delivered"),
    30_000,
    500,
  );
  expect(delivered, "one webhook for the one push").toHaveLength(1);
  // A second crash, then Codat delivering the same webhook again (as it may): nothing is applied twice.
  await crashAndRestart();
  const [delivery] = await db!.query<{ id: string }>("select id from sim_webhook_deliveries where company_id = $1 and event_type = 'suppliers.write.successful'", [company.codatCompanyId]);
  const replay = await staff.post(`/api/sim/webhooks/${delivery!.id}/replay`);
  expect(replay.status()).toBe(200);
  // The replay is sent while the simulator waits: once it answers, the app has acknowledged the webhook
  // (kept in its inbox, or seen before); applying it happens next, in the background.
  expect(await replay.json()).toMatchObject({ status: "delivered", lastStatus: 200 });
  await until("the app's webhook inbox to be applied", () => db!.query<{ n: string }>("select count(*) as n from codat_webhook_inbox"), (rows) => rows[0]?.n === "0", 30_000, 250);
  expect(await eventCounts(company.id)).toMatchObject({
    "test_push.started": 1,
    "test_push.success": 1,
    "webhook.received:suppliers.write.successful": 1,
  });
  // This company's push webhook was recorded as handled once, under its one id (other companies' webhooks,
  // such as the demo's, may be in the same table).
  expect(
    await db!.query(
      "select id from webhook_events where id in (select id from sim_webhook_deliveries where company_id = $1 and event_type = 'suppliers.write.successful')",
      [company.codatCompanyId],
    ),
  ).toHaveLength(1);
  expect(await db!.query("select key from sim_push_operations where company_id = $1", [company.codatCompanyId])).toHaveLength(1);
});
