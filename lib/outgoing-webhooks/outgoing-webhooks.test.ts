import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { createServer as createNetServer, type AddressInfo, type Socket } from "node:net";
import { Webhook } from "standardwebhooks";
import { describeEachDatabase } from "@/lib/db/testing/test-databases";
import type { DbHandle } from "@/lib/db/client";
import { actorRef, type StaffActor } from "@/lib/auth/actor";
import { createApiKey } from "@/lib/api-keys/api-keys";
import { requireApiKey } from "@/lib/auth/api-key-guard";
import { outboxMessages } from "@/lib/db/schema/email";
import { webhookDeliveries, webhookEndpoints } from "@/lib/db/schema/webhooks";
import { AppError } from "@/lib/errors";
import { createApiSetupSchema } from "@/lib/setups-api/api-v1-schemas";
import { createSetupByApi } from "@/lib/setups-api/create-setup-by-api";
import { resolveSetupLink } from "@/lib/setup-links/resolve-setup-link";
import { refreshConnection } from "@/lib/setup/refresh-connection";
import { saveWizardStep } from "@/lib/setup/save-wizard-step";
import { getCompany } from "@/lib/db/queries/companies";
import { events } from "@/lib/db/schema/events";
import { webhookAttempts } from "@/lib/db/schema/webhooks";
import { withFailingWrite, isInjectedFailure } from "@/lib/db/testing/fail-writes";
import { setPushEnabled } from "@/lib/test-push/set-push-enabled";
import { seedSetup, seedStaffActor } from "@/lib/support/testing/setup-fixtures";
import { openAppStack, type AppStack } from "@/lib/testing/app-stack";
import { WEBHOOK_EVENT_TYPES, WEBHOOK_RETRY_DELAYS_MS } from "@/lib/sage/webhook-events";
import { emitWebhookEvent } from "./emit-webhook-event";
import { deliverDueWebhooks, pruneOldWebhookDeliveries } from "./deliver-webhooks";
import {
  createWebhookEndpoint,
  listWebhookDeliveries,
  replayWebhookDelivery,
  rotateWebhookEndpointSecret,
} from "./manage-webhook-endpoints";
import type { UrlPolicy } from "./public-address";
import { createWebhookEndpointSchema } from "./webhook-endpoint-schema";
import { webhookEventSchemas } from "./webhook-event-schemas";
import { openWebhookReceiver, type ReceivedWebhook, type WebhookReceiver } from "./testing/webhook-receiver";

const demo: UrlPolicy = { production: false, resolve: async () => ["127.0.0.1"] };

/** A TCP listener on 127.0.0.1 that accepts connections, counts them and never answers. */
async function openConnectionCounter() {
  const sockets = new Set<Socket>();
  let count = 0;
  const server = createNetServer((socket) => {
    count++;
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as AddressInfo).port,
    connections: () => count,
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
const mail = { from: "setup@example.com" };
const HOUR = 3_600_000;

/** Whether a received webhook's signature verifies with `secret` (Standard Webhooks' own verifier). */
function verifies(secret: string, hook: ReceivedWebhook): boolean {
  try {
    new Webhook(secret).verify(hook.body, hook.headers);
    return true;
  } catch {
    return false;
  }
}

describeEachDatabase("signed webhooks out on $name", ({ open }) => {
  let h: DbHandle;
  let stack: AppStack;
  let receiver: WebhookReceiver;
  let admin: StaffActor;

  beforeAll(async () => {
    h = await open();
    stack = await openAppStack(h);
    receiver = await openWebhookReceiver();
    admin = await seedStaffActor(h.db, "admin");
  });
  afterEach(async () => {
    // Endpoints are global: each test starts with none, and a fresh log.
    await h.db.delete(webhookEndpoints);
    receiver.received.length = 0;
    receiver.answerWith(200);
  });
  afterAll(async () => {
    await receiver?.close();
    await stack?.close();
    await h?.close();
  });

  const addEndpoint = (events: readonly string[] = WEBHOOK_EVENT_TYPES, url = receiver.url) =>
    createWebhookEndpoint(h.db, { input: createWebhookEndpointSchema.parse({ url, events }), actor: actorRef(admin), policy: demo });

  /** Runs the sender until nothing is due at `at` (each pass delivers each setup's next event). */
  async function drain(at: () => Date = () => new Date(), workers = 1) {
    for (let i = 0; i < 50; i++) {
      const passes = await Promise.all(Array.from({ length: workers }, () => deliverDueWebhooks(h.db, { now: at, policy: demo, mail, appUrl: "http://localhost" })));
      if (passes.every((p) => p.delivered + p.failed === 0)) return;
    }
    throw new Error("the sender never ran dry");
  }

  it("a setup made by API: its link works and its events arrive signed, in the order they happened, each matching its schema", async () => {
    const { endpoint } = await addEndpoint();
    expect(endpoint.secret).toMatch(/^whsec_/);
    const key = await createApiKey(h.db, { name: "Backend", scopes: ["read", "write"], actor: actorRef({ type: "system" }) });
    const apiKey = await requireApiKey(h.db, `Bearer ${key.key}`, "write");
    const created = await createSetupByApi(h.db, {
      apiKey,
      input: createApiSetupSchema.parse({ externalId: "ext-hooks-1", name: "Hooks One Ltd" }),
      idempotencyKey: null,
      codat: stack.codat,
    });
    expect((await resolveSetupLink(h.db, { token: created.body.setupLink!.url.split("/s/")[1]! })).ok).toBe(true);
    const setupId = created.body.setup.id;
    await saveWizardStep(h.db, { company: (await getCompany(h.db, setupId))!, actor: { type: "system" } as never, step: "before-start", input: {} as never });
    const company = (await getCompany(h.db, setupId))!;
    await stack.linkPc(company.codatCompanyId);
    await refreshConnection(h.db, stack.codat, company, { force: true });

    await drain(undefined, 2);
    const mine = receiver.received.filter((r) => r.payload.data.setupId === setupId);
    const types = mine.map((r) => r.payload.type);
    expect(types.slice(0, 3)).toEqual(["setup.created", "setup.step_completed", "connection.status_changed"]);
    // In the order they were emitted (the outbox's seq), each once.
    const emitted = await h.db
      .select({ eventId: webhookDeliveries.eventId })
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.companyId, setupId))
      .orderBy(webhookDeliveries.seq);
    expect(mine.map((r) => r.headers["webhook-id"])).toEqual(emitted.map((e) => e.eventId));
    for (const hook of mine) {
      expect(verifies(endpoint.secret, hook)).toBe(true);
      expect(hook.headers["webhook-signature"]).toMatch(/^v1,[A-Za-z0-9+/=]+$/);
      webhookEventSchemas[hook.payload.type as keyof typeof webhookEventSchemas].parse(hook.payload);
    }
    expect(mine[0]!.payload.data).toMatchObject({ setupId, companyId: setupId, codatCompanyId: company.codatCompanyId, externalId: "ext-hooks-1", flow: "new" });
    expect(mine[2]!.payload.data).toMatchObject({ from: "PendingAuth", to: "Linked" });
  });

  it("two senders at once deliver each event once, and each setup's events in order", async () => {
    await addEndpoint(["setup.step_completed"]);
    const setups = await Promise.all([1, 2, 3].map((n) => seedSetup(h.db, { name: `Two Senders ${n}` })));
    const steps = ["before-start", "push-user", "credentials"] as const;
    for (const step of steps) for (const s of setups) await emitWebhookEvent(h.db, "setup.step_completed", { companyId: s.id, step });
    await drain(undefined, 2);
    const ids = receiver.received.map((r) => r.headers["webhook-id"]);
    expect(ids).toHaveLength(9);
    expect(new Set(ids).size).toBe(9);
    for (const s of setups) {
      expect(receiver.received.filter((r) => r.payload.data.setupId === s.id).map((r) => r.payload.data.step)).toEqual([...steps]);
    }
  });

  it("a receiver answering 500 gets retries on the backoff schedule, later events of the setup wait, then a replay succeeds", async () => {
    const { endpoint } = await addEndpoint(["push.enabled", "push.disabled"]);
    const company = await seedSetup(h.db, { name: "Retry Ltd" });
    receiver.answerWith(500);
    let now = new Date("2030-01-01T00:00:00Z");
    await emitWebhookEvent(h.db, "push.enabled", { companyId: company.id, now });
    await emitWebhookEvent(h.db, "push.disabled", { companyId: company.id, now });
    const at = () => now;
    await drain(at);
    expect(receiver.received.map((r) => r.payload.type)).toEqual(["push.enabled"]);
    // Nothing before the next retry is due; then one try per step of the schedule.
    const tries = () => receiver.received.filter((r) => r.payload.type === "push.enabled").length;
    for (const [i, delay] of WEBHOOK_RETRY_DELAYS_MS.entries()) {
      now = new Date(now.getTime() + delay - 1_000);
      await drain(at);
      expect(tries()).toBe(i + 1);
      now = new Date(now.getTime() + 1_000);
      await drain(at);
      expect(tries()).toBe(i + 2);
    }
    // Given up after the last try: only then does the setup's next event go (and fail too).
    expect(receiver.received.map((r) => r.payload.type)).toEqual([...Array<string>(WEBHOOK_RETRY_DELAYS_MS.length + 1).fill("push.enabled"), "push.disabled"]);
    const log = await listWebhookDeliveries(h.db, { id: endpoint.id });
    const first = log.deliveries.find((d) => d.eventType === "push.enabled")!;
    expect(first).toMatchObject({ status: "failed", attempts: WEBHOOK_RETRY_DELAYS_MS.length + 1 });
    expect(log.attempts.filter((a) => a.deliveryId === first.id).map((a) => a.statusCode)).toEqual(Array(8).fill(500));
    expect(log.attempts[0]).toMatchObject({ error: "HTTP 500" });
    expect(log.attempts[0]!.durationMs).toBeGreaterThanOrEqual(0);

    receiver.answerWith(200);
    receiver.received.length = 0;
    const replay = await replayWebhookDelivery(h.db, { id: endpoint.id, deliveryId: first.id, actor: actorRef(admin), now });
    await drain(at);
    // The replay queues behind the setup's event still waiting for its retry.
    expect(receiver.received).toHaveLength(0);
    now = new Date(now.getTime() + WEBHOOK_RETRY_DELAYS_MS[0]);
    await drain(at);
    const sent = receiver.received.map((r) => [r.payload.type, r.headers["webhook-id"]]);
    expect(sent).toEqual([
      ["push.disabled", expect.any(String)],
      ["push.enabled", first.eventId],
    ]);
    expect(verifies(endpoint.secret, receiver.received.find((r) => r.payload.type === "push.enabled")!)).toBe(true);
    const after = await listWebhookDeliveries(h.db, { id: endpoint.id });
    expect(after.deliveries.find((d) => d.id === replay.delivery.id)).toMatchObject({ status: "delivered", replayOf: first.id });
  });

  it("after a rotation both secrets verify for 24 hours, then only the new one", async () => {
    const { endpoint } = await addEndpoint(["push.enabled"]);
    const company = await seedSetup(h.db, { name: "Rotate Ltd" });
    const t0 = new Date();
    const rotated = await rotateWebhookEndpointSecret(h.db, { id: endpoint.id, actor: actorRef(admin), now: t0 });
    expect(rotated.endpoint.secret).not.toBe(endpoint.secret);
    expect(rotated.endpoint.previousSecretExpiresAt).toBe(new Date(t0.getTime() + 24 * HOUR).toISOString());

    await emitWebhookEvent(h.db, "push.enabled", { companyId: company.id });
    await drain(() => new Date(t0.getTime() + 23 * HOUR));
    const during = receiver.received.at(-1)!;
    expect(during.headers["webhook-signature"]!.split(" ")).toHaveLength(2);
    expect([verifies(endpoint.secret, during), verifies(rotated.endpoint.secret, during)]).toEqual([true, true]);

    await emitWebhookEvent(h.db, "push.enabled", { companyId: company.id });
    await drain(() => new Date(t0.getTime() + 24 * HOUR + 1_000));
    const later = receiver.received.at(-1)!;
    expect(later.headers["webhook-id"]).not.toBe(during.headers["webhook-id"]);
    expect([verifies(endpoint.secret, later), verifies(rotated.endpoint.secret, later)]).toEqual([false, true]);
  });

  it("in production an endpoint must be HTTPS on a public address, checked at creation and again before each try", async () => {
    const resolvingTo = (...addresses: string[]): UrlPolicy => ({ production: true, resolve: async () => addresses });
    const create = (url: string, policy: UrlPolicy) =>
      createWebhookEndpoint(h.db, { input: createWebhookEndpointSchema.parse({ url, events: ["push.enabled"] }), actor: actorRef(admin), policy });
    const refused = async (url: string, policy: UrlPolicy) => {
      const err = await create(url, policy).then(() => null, (e: unknown) => e);
      expect(err instanceof AppError && err.code, url).toBe("endpoint_url_refused");
    };
    await refused("http://hooks.example.com/x", resolvingTo("93.184.215.14"));
    for (const address of ["10.1.2.3", "172.20.0.1", "192.168.1.1", "127.0.0.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "::1", "fd00::1", "fe80::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1"]) {
      await refused("https://hooks.example.com/x", resolvingTo("93.184.215.14", address));
    }
    await refused("https://10.0.0.1/x", resolvingTo());
    await refused("https://[::1]/x", resolvingTo());
    await refused("https://nowhere.example.com/x", { production: true, resolve: async () => Promise.reject(new Error("ENOTFOUND")) });
    expect(await h.db.select().from(webhookEndpoints)).toHaveLength(0);

    // Public at creation, private at delivery (DNS rebinding): the try fails without a request.
    const { endpoint } = await create("https://hooks.example.com/x", resolvingTo("93.184.215.14", "2606:2800:220:1::1"));
    const company = await seedSetup(h.db, { name: "Rebind Ltd" });
    await emitWebhookEvent(h.db, "push.enabled", { companyId: company.id });
    await deliverDueWebhooks(h.db, { policy: resolvingTo("127.0.0.1"), mail });
    const log = await listWebhookDeliveries(h.db, { id: endpoint.id });
    expect(log.attempts).toHaveLength(1);
    expect(log.attempts[0]).toMatchObject({ statusCode: null });
    expect(log.attempts[0]!.error).toMatch(/private/);
  });

  it("the socket goes only where the check allowed: a name that turns private between the check and the connection is never called", async () => {
    // A local TCP listener counts connections: the request must never reach it, not even its TLS hello.
    const listener = await openConnectionCounter();
    try {
      const url = `https://localhost:${listener.port}/x`;
      const { endpoint } = await createWebhookEndpoint(h.db, {
        input: createWebhookEndpointSchema.parse({ url, events: ["push.enabled"] }),
        actor: actorRef(admin),
        policy: { production: true, resolve: async () => ["93.184.215.14"] },
      });
      // Public for the check before the try, loopback from then on (a DNS answer with no lifetime).
      let lookups = 0;
      const rebinding: UrlPolicy = { production: true, resolve: async () => (++lookups === 1 ? ["93.184.215.14"] : ["127.0.0.1"]) };
      const company = await seedSetup(h.db, { name: "Late Rebind Ltd" });
      await emitWebhookEvent(h.db, "push.enabled", { companyId: company.id });
      await deliverDueWebhooks(h.db, { policy: rebinding, mail, timeoutMs: 2_000 });
      expect(lookups).toBe(2);
      expect(listener.connections()).toBe(0);
      const log = await listWebhookDeliveries(h.db, { id: endpoint.id });
      expect(log.attempts).toHaveLength(1);
      expect(log.attempts[0]).toMatchObject({ statusCode: null });
      expect(log.attempts[0]!.error).toMatch(/private/);
    } finally {
      await listener.close();
    }
  });

  it("an endpoint that accepts the connection and never answers is given up on at the timeout and retried later", async () => {
    const listener = await openConnectionCounter();
    try {
      const { endpoint } = await addEndpoint(["push.enabled"], `http://127.0.0.1:${listener.port}/silent`);
      const company = await seedSetup(h.db, { name: "Silent Ltd" });
      await emitWebhookEvent(h.db, "push.enabled", { companyId: company.id });
      const pass = await deliverDueWebhooks(h.db, { policy: demo, mail, timeoutMs: 300 });
      expect(pass).toEqual({ delivered: 0, failed: 1 });
      expect(listener.connections()).toBe(1);
      const log = await listWebhookDeliveries(h.db, { id: endpoint.id });
      expect(log.attempts[0]).toMatchObject({ statusCode: null, error: "no answer within 0.3 s" });
      expect(log.attempts[0]!.durationMs).toBeGreaterThanOrEqual(250);
      const [delivery] = await h.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpoint.id));
      expect(delivery!.status).toBe("pending");
    } finally {
      await listener.close();
    }
  });

  it("an endpoint failing for five days straight is disabled, admins are emailed, and nothing more is sent to it", async () => {
    const { endpoint } = await addEndpoint(["push.enabled"]);
    const company = await seedSetup(h.db, { name: "Five Days Ltd" });
    receiver.answerWith(503);
    const t0 = new Date("2031-01-01T00:00:00Z");
    let now = t0;
    const at = () => now;
    await emitWebhookEvent(h.db, "push.enabled", { companyId: company.id, now });
    await drain(at);
    now = new Date(t0.getTime() + 4 * 24 * HOUR);
    await emitWebhookEvent(h.db, "push.enabled", { companyId: company.id, now });
    await drain(at);
    expect((await h.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id)))[0]!.disabledAt).toBeNull();

    now = new Date(t0.getTime() + 5 * 24 * HOUR + 1_000);
    await emitWebhookEvent(h.db, "push.enabled", { companyId: company.id, now });
    await drain(at);
    const [row] = await h.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id));
    expect(row!.disabledAt).toEqual(now);
    expect(row!.failingSince).toEqual(t0);
    const emails = await h.db.select().from(outboxMessages).where(and(eq(outboxMessages.kind, "webhook_disabled"), eq(outboxMessages.to, admin.email)));
    expect(emails).toHaveLength(1);
    expect(emails[0]!.text).toContain(receiver.url);

    // Disabled: no new deliveries are made for it, and nothing pending is sent.
    const sent = receiver.received.length;
    await emitWebhookEvent(h.db, "push.enabled", { companyId: company.id, now });
    now = new Date(now.getTime() + 48 * HOUR);
    await drain(at);
    expect(receiver.received.length).toBe(sent);
  });

  it("a success clears the endpoint's failing mark", async () => {
    const { endpoint } = await addEndpoint(["push.disabled"]);
    const company = await seedSetup(h.db, { name: "Recover Ltd" });
    receiver.answerWith(500);
    let now = new Date("2032-01-01T00:00:00Z");
    await emitWebhookEvent(h.db, "push.disabled", { companyId: company.id, now });
    await drain(() => now);
    expect((await h.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id)))[0]!.failingSince).toEqual(now);
    receiver.answerWith(204);
    now = new Date(now.getTime() + 10_000);
    await drain(() => now);
    expect((await h.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id)))[0]!.failingSince).toBeNull();
  });

  it("an event is written with its change or not at all, and a try's outcome with its log entry", async () => {
    const { endpoint } = await addEndpoint(["push.disabled"]);
    const company = await seedSetup(h.db, { name: "Atomic Ltd", pushEnabled: true });
    const failed = await withFailingWrite(h.db, { table: webhookDeliveries, on: "insert" }, () =>
      setPushEnabled(h.db, { companyId: company.id, actor: { type: "system" } as never, enabled: false }).then(() => null, (e: unknown) => e),
    );
    expect(isInjectedFailure(failed)).toBe(true);
    expect((await getCompany(h.db, company.id))!.pushEnabled).toBe(true);
    expect(await h.db.select().from(events).where(and(eq(events.companyId, company.id), eq(events.type, "push.disabled")))).toHaveLength(0);

    // An endpoint is not made without its timeline event.
    const refused = await withFailingWrite(h.db, { table: events, on: "insert", when: "new.type = 'webhook_endpoint.created'" }, () =>
      addEndpoint(["push.enabled"], `${receiver.url}?atomic`).then(() => null, (e: unknown) => e),
    );
    expect(isInjectedFailure(refused)).toBe(true);
    expect((await h.db.select().from(webhookEndpoints)).map((e) => e.id)).toEqual([endpoint.id]);

    // The try's log entry cannot be written: the delivery is not marked delivered (it is sent again).
    await setPushEnabled(h.db, { companyId: company.id, actor: { type: "system" } as never, enabled: false });
    await withFailingWrite(h.db, { table: webhookAttempts, on: "insert" }, () => deliverDueWebhooks(h.db, { policy: demo, mail }).catch(() => null));
    const [delivery] = await h.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpoint.id));
    expect(delivery!.status).toBe("pending");
    await drain(() => new Date(Date.now() + 3 * 60_000));
    const [after] = await h.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpoint.id));
    expect(after!.status).toBe("delivered");
    expect(receiver.received.map((r) => r.headers["webhook-id"])).toEqual([delivery!.eventId, delivery!.eventId]);
  });

  it("finished deliveries and their tries are pruned 30 days after they finished; waiting ones are kept", async () => {
    const { endpoint } = await addEndpoint(["push.enabled"]);
    const company = await seedSetup(h.db, { name: "Prune Ltd" });
    const t0 = new Date();
    await emitWebhookEvent(h.db, "push.enabled", { companyId: company.id, now: t0 });
    await drain(() => t0);
    receiver.answerWith(500);
    await emitWebhookEvent(h.db, "push.enabled", { companyId: company.id, now: t0 });
    await drain(() => t0);
    const count = async () => (await h.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpoint.id))).length;
    expect(await count()).toBe(2);
    expect(await pruneOldWebhookDeliveries(h.db, new Date(t0.getTime() + 29 * 24 * HOUR))).toBe(0);
    expect(await pruneOldWebhookDeliveries(h.db, new Date(t0.getTime() + 31 * 24 * HOUR))).toBe(1);
    expect(await count()).toBe(1);
    expect((await h.db.select().from(webhookAttempts).where(eq(webhookAttempts.endpointId, endpoint.id))).map((a) => a.statusCode)).toEqual([500]);
  });
});
