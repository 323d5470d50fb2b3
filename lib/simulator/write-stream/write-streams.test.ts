import { describe, expect, it } from "vitest";
import { handleSimControlRequest } from "../control-api/control-router";
import { processPendingPushes } from "../push/process-pushes";
import type { SimHarness } from "../testing/sim-harness";
import { withSimAndWebhookReceiver, type WebhookReceiver } from "../testing/webhook-receiver";
import { flushWebhookDeliveries } from "../webhooks/webhook-delivery";
import { isFailingWrite } from "./write-stream-records";
import { startWriteStream, waitForWriteStream } from "./write-streams";

let sim: SimHarness;
let receiver: WebhookReceiver;
withSimAndWebhookReceiver((s, r) => {
  sim = s;
  receiver = r;
});

/** A control call, as `/api/sim/…` routes make it. */
async function control(method: string, path: string, body?: unknown) {
  const init: RequestInit = body === undefined ? { method } : { method, body: JSON.stringify(body), headers: { "content-type": "application/json" } };
  const res = await handleSimControlRequest(new Request(`http://localhost/api/sim${path}`, init), { db: sim.db, env: sim.env, now: sim.now, webhooks: "manual" });
  return { status: res.status, body: (await res.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

describe("write streams", () => {
  it("a 1-second stream at 20 writes/s sends 20 writes through the Codat paths at that pace, spread over the companies, a quarter failing, each with its webhook", async () => {
    const a = await sim.linkedCompany();
    const b = await sim.linkedCompany();
    const started = Date.now();
    const stream = await startWriteStream(
      { db: sim.db, env: sim.env, webhooks: "manual", clock: sim.now },
      { codatCompanyIds: [a.companyId, b.companyId], perSecond: 20, durationS: 1, dataType: "journalEntries", failShare: 0.25 },
    );
    expect(stream).toMatchObject({ status: "running", planned: 20, companies: 2 });
    const done = await waitForWriteStream(stream.id);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(done).toMatchObject({ status: "finished", sent: 20, accepted: 20, refused: {} });

    sim.advance(1);
    expect(await processPendingPushes(sim.ctx())).toMatchObject({ processed: 20, timedOut: 0 });
    await flushWebhookDeliveries(sim.db, sim.env);
    const events = receiver.received.map((w) => JSON.parse(w.body) as { eventType: string; payload: { referenceCompany: { id: string } } }).filter((e) => e.eventType.includes(".write."));
    const count = (type: string) => events.filter((e) => e.eventType === type).length;
    expect([count("journalEntries.write.successful"), count("suppliers.write.unsuccessful"), events.length]).toEqual([15, 5, 20]);
    expect(events.filter((e) => e.payload.referenceCompany.id === a.companyId)).toHaveLength(10);
  });

  it("the failing share is exact and evenly spread", () => {
    const fails = (n: number, share: number) => Array.from({ length: n }, (_, i) => i).filter((i) => isFailingWrite(i, share));
    expect(fails(20, 0.25)).toEqual([3, 7, 11, 15, 19]);
    expect(fails(1000, 0.1)).toHaveLength(100);
    expect(fails(50, 0)).toEqual([]);
    expect(fails(50, 1)).toHaveLength(50);
  });

  it("POST /api/sim/write-streams starts one, GET shows it, DELETE stops it; bounds and unknown ids are refused", async () => {
    const { companyId } = await sim.linkedCompany();
    const started = await control("POST", "/write-streams", { codatCompanyIds: [companyId], perSecond: 2, durationS: 600 });
    expect(started.status).toBe(200);
    const id = started.body.stream.id as string;
    expect((await control("GET", `/write-streams/${id}`)).body.stream).toMatchObject({ id, status: "running", dataType: "bills", failShare: 0, planned: 1200 });
    expect((await control("GET", "/write-streams")).body.streams.map((s: { id: string }) => s.id)).toContain(id);
    const stopped = await control("DELETE", `/write-streams/${id}`);
    expect(stopped.body.stream).toMatchObject({ status: "stopped", endedAt: expect.any(String) });
    expect(stopped.body.stream.sent).toBeLessThan(1200);

    expect((await control("POST", "/write-streams", { perSecond: 501, durationS: 1 })).status).toBe(422);
    expect((await control("POST", "/write-streams", { perSecond: 1, durationS: 601 })).status).toBe(422);
    expect((await control("POST", "/write-streams", { perSecond: 1, durationS: 1, failShare: 2 })).status).toBe(422);
    const unknown = await control("POST", "/write-streams", { codatCompanyIds: [crypto.randomUUID()], perSecond: 1, durationS: 1 });
    expect([unknown.status, unknown.body.error.code]).toEqual([422, "validation_failed"]);
    expect((await control("GET", `/write-streams/${crypto.randomUUID()}`)).status).toBe(404);
    expect((await control("DELETE", `/write-streams/${crypto.randomUUID()}`)).status).toBe(404);
  });
});
