import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, inject, it, vi } from "vitest";
import { openDb, type DbHandle } from "@/lib/db/client";
import { TEST_DB_PREFIX } from "@/lib/db/testing/test-databases";
import { processPendingPushes } from "./push/process-pushes";
import { simSuppliers, simWebhookDeliveries } from "./schema";
import { openSimHarness, testSimEnv, validSupplier } from "./testing/sim-harness";
import { startWebhookReceiver } from "./testing/webhook-receiver";
import { runSimulatorTick } from "./ticker";
import { flushWebhookDeliveries } from "./webhooks/webhook-delivery";

describe("state survives a restart", () => {
  it("keeps companies, the PC, pending pushes and knobs in the data directory", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "sim-restart-"));
    const env = testSimEnv();
    try {
      const first = await openSimHarness({ dataDir: dir, env });
      const { companyId, connectionId } = await first.linkedCompany();
      await first.must(companyId, { type: "powerOff" });
      const push = await first.pushSupplier(companyId, connectionId, validSupplier("KEEP1"), 60);
      await first.setConfig({ latencyMs: 7 });
      await first.close();

      const second = await openSimHarness({ dataDir: dir, env, config: { latencyMs: 7 } });
      const state = await second.pcState(companyId);
      expect(state).toMatchObject({ poweredOn: false, connector: { state: "linked", savedUsername: "Acme Push" } });
      expect((await second.control("GET", "/config")).body).toMatchObject({ latencyMs: 7 });
      expect((await second.getPush(companyId, push.body.pushOperationKey)).body.status).toBe("Pending");
      await second.must(companyId, { type: "powerOn" });
      second.advance(10);
      expect((await second.getPush(companyId, push.body.pushOperationKey)).body.status).toBe("Success");
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the tick", () => {
  it("processes pending pushes and sends their webhooks without anyone reading them", async () => {
    const sim = await openSimHarness();
    const receiver = await startWebhookReceiver();
    try {
      const { companyId, connectionId } = await sim.linkedCompany();
      await sim.setConfig({ webhooksEnabled: true, webhookUrl: receiver.url });
      const push = await sim.pushSupplier(companyId, connectionId, validSupplier("TICK1"));
      const result = await runSimulatorTick(sim.db, new Date(sim.now().getTime() + 10), sim.env);
      expect(result).toMatchObject({ processed: 1, timedOut: 0, webhooksDelivered: 1 });
      const body = JSON.parse(receiver.received[0]?.body ?? "{}") as { eventType?: string; payload?: { id?: string } };
      expect(body).toMatchObject({ eventType: "suppliers.write.successful", payload: { id: push.body.pushOperationKey } });
    } finally {
      await receiver.close();
      await sim.close();
    }
  });
});

const adminUrl = inject("postgresAdminUrl");

describe.runIf(adminUrl)("two app instances on one PostgreSQL", () => {
  it("never process a push or send a webhook twice", async () => {
    const { Client } = await import("pg");
    const name = `${TEST_DB_PREFIX}sim_${randomBytes(5).toString("hex")}`;
    const admin = new Client({ connectionString: adminUrl ?? "" });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = new URL(adminUrl ?? "");
    url.pathname = `/${name}`;
    const handles: DbHandle[] = [];
    const receiver = await startWebhookReceiver();
    try {
      handles.push(await openDb({ url: url.toString() }), await openDb({ url: url.toString() }));
      const [a, b] = handles;
      if (!a || !b) throw new Error("two handles expected");
      const env = testSimEnv();
      const simA = await openSimHarness({ handle: a, env });
      const { companyId, connectionId } = await simA.linkedCompany();
      await simA.setConfig({ webhooksEnabled: true, webhookUrl: receiver.url });
      const keys: string[] = [];
      for (let i = 0; i < 5; i++) {
        keys.push((await simA.pushSupplier(companyId, connectionId, validSupplier(`PG${i}`))).body.pushOperationKey);
        simA.advance(1);
      }
      const now = new Date(simA.now().getTime() + 10);
      const results = await Promise.all(
        [a, b, a, b].map((h) => processPendingPushes({ db: h.db, env, now, webhooks: "manual" })),
      );
      expect(results.reduce((n, r) => n + r.processed, 0)).toBe(5);
      const suppliers = await a.db.select().from(simSuppliers).where(eq(simSuppliers.companyId, companyId));
      expect(suppliers).toHaveLength(5);

      await Promise.all([a, b].map((h) => flushWebhookDeliveries(h.db, env, new Date())));
      const deliveries = await a.db.select().from(simWebhookDeliveries).where(eq(simWebhookDeliveries.companyId, companyId));
      // connection.connected was queued while webhooks were off; the five write events were sent once each.
      expect(deliveries.filter((d) => d.status === "delivered")).toHaveLength(5);
      expect(receiver.received).toHaveLength(5);
      expect(new Set(receiver.received.map((w) => w.headers["webhook-id"])).size).toBe(5);
    } finally {
      await receiver.close();
      for (const h of handles) await h.close();
      // pool.end() resolves before the server has seen every socket close: wait for that first.
      // If they linger past two seconds, the forced drop below ends them.
      await vi
        .waitFor(
          async () => {
            const { rows } = await admin.query<{ n: string }>("select count(*) as n from pg_stat_activity where datname = $1", [name]);
            expect(rows[0]?.n).toBe("0");
          },
          { timeout: 2_000, interval: 50 },
        )
        .catch(() => undefined);
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});
