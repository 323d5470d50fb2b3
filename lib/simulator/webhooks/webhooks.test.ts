import { Webhook } from "svix";
import { describe, expect, it } from "vitest";
import { validateWebhookBody } from "@/lib/codat/openapi-validator";
import { validSupplier, type SimHarness } from "../testing/sim-harness";
import { withSimAndWebhookReceiver, type ReceivedWebhook, type WebhookReceiver } from "../testing/webhook-receiver";
import { flushWebhookDeliveries, MAX_WEBHOOK_ATTEMPTS } from "./webhook-delivery";

let sim: SimHarness;
let receiver: WebhookReceiver;
withSimAndWebhookReceiver((s, r) => {
  sim = s;
  receiver = r;
});

const headersOf = (w: ReceivedWebhook): Record<string, string> => ({
  "webhook-id": String(w.headers["webhook-id"]),
  "webhook-timestamp": String(w.headers["webhook-timestamp"]),
  "webhook-signature": String(w.headers["webhook-signature"]),
});

type Body = { id: string; eventType: string; generatedDate: string; payload: Record<string, unknown> };

describe("webhooks", () => {
  it("sends connection.connected and suppliers.write.* signed Svix-style, in order, as the spec describes them", async () => {
    const { companyId, connectionId } = await sim.linkedCompany();
    const ok = await sim.pushSupplier(companyId, connectionId, validSupplier("WH1"));
    sim.advance(1);
    const bad = await sim.pushSupplier(companyId, connectionId, { id: "lower case", supplierName: "x" });
    sim.advance(10);
    await sim.getPush(companyId, ok.body.pushOperationKey);
    await flushWebhookDeliveries(sim.db, sim.env);

    const verifier = new Webhook(sim.env.webhookSecret);
    const bodies = receiver.received.map((w) => {
      expect(w.headers["webhook-signature"]).toMatch(/^v1,[A-Za-z0-9+/=]+$/);
      expect(w.headers["webhook-id"]).toMatch(/^msg_[A-Za-z0-9]{27}$/);
      expect(() => verifier.verify(w.body, headersOf(w))).not.toThrow();
      return JSON.parse(w.body) as Body;
    });
    expect(bodies.map((b) => b.eventType)).toEqual([
      "connection.connected",
      "suppliers.write.successful",
      "suppliers.write.unsuccessful",
    ]);
    for (const body of bodies) expect(validateWebhookBody(body.eventType, body)).toEqual([]);
    expect(bodies[0]?.payload).toMatchObject({
      referenceCompany: { id: companyId, name: "Acme Trading Ltd" },
      connection: { id: connectionId, status: "Linked", platformName: "Sage 50 (UK & Ireland)" },
    });
    expect(bodies[1]?.payload).toMatchObject({
      id: ok.body.pushOperationKey,
      type: "Create",
      referenceCompany: { id: companyId },
      connectionId,
      status: "Success",
      record: { id: "WH1" },
    });
    expect(bodies[2]?.payload).toMatchObject({ id: bad.body.pushOperationKey, status: "Failed" });
  });

  it("sends bills.write.* and billPayments.write.* for the integrator's writes, as the spec describes them, failing on a login clash like a test push", async () => {
    const { companyId, connectionId, pushUser, password } = await sim.linkedCompany();
    const path = `/companies/${companyId}/connections/${connectionId}/push`;
    const bill = await sim.codat<{ pushOperationKey: string }>("POST", `${path}/bills`, { issueDate: "2026-03-01T00:00:00Z", status: "Open", subTotal: 1, taxAmount: 0, totalAmount: 1 });
    sim.advance(1);
    await sim.getPush(companyId, bill.body.pushOperationKey);
    await sim.must(companyId, { type: "openSage", username: pushUser, password });
    const payment = await sim.codat<{ pushOperationKey: string }>("POST", `${path}/billPayments`, { date: "2026-03-02T00:00:00Z", totalAmount: 1 });
    sim.advance(1);
    const failed = await sim.getPush(companyId, payment.body.pushOperationKey);
    expect(failed.body).toMatchObject({ status: "Failed" });
    await flushWebhookDeliveries(sim.db, sim.env);
    const bodies = receiver.received.map((w) => JSON.parse(w.body) as Body).filter((b) => b.eventType.includes(".write."));
    expect(bodies.map((b) => [b.eventType, b.payload.id])).toEqual([
      ["bills.write.successful", bill.body.pushOperationKey],
      ["billPayments.write.unsuccessful", payment.body.pushOperationKey],
    ]);
    for (const body of bodies) expect(validateWebhookBody(body.eventType, body)).toEqual([]);
  });

  it("sends journalEntries.write.* and suppliers.write.* for the integrator's other writes, failing on a login clash too", async () => {
    const { companyId, connectionId, pushUser, password } = await sim.linkedCompany();
    const path = `/companies/${companyId}/connections/${connectionId}/push`;
    const lines = [
      { netAmount: 5, accountRef: { id: "7100" } },
      { netAmount: -5, accountRef: { id: "2109" } },
    ];
    const entry = await sim.codat<{ pushOperationKey: string; dataType: string }>("POST", `${path}/journalEntries`, { postedOn: "2026-03-03T00:00:00Z", journalLines: lines });
    expect(entry.body.dataType).toBe("journalEntries");
    const supplier = await sim.pushSupplier(companyId, connectionId, validSupplier("INT1"));
    sim.advance(1);
    expect((await sim.getPush(companyId, entry.body.pushOperationKey)).body).toMatchObject({ status: "Success" });
    expect((await sim.getPush(companyId, supplier.body.pushOperationKey)).body).toMatchObject({ status: "Success" });
    await sim.must(companyId, { type: "openSage", username: pushUser, password });
    const clashed = await sim.codat<{ pushOperationKey: string }>("POST", `${path}/journalEntries`, { postedOn: "2026-03-04T00:00:00Z", journalLines: lines });
    sim.advance(1);
    expect((await sim.getPush(companyId, clashed.body.pushOperationKey)).body).toMatchObject({ status: "Failed" });
    await flushWebhookDeliveries(sim.db, sim.env);
    const bodies = receiver.received.map((w) => JSON.parse(w.body) as Body).filter((b) => b.eventType.includes(".write."));
    expect(bodies.map((b) => [b.eventType, b.payload.id])).toEqual(
      expect.arrayContaining([
        ["journalEntries.write.successful", entry.body.pushOperationKey],
        ["suppliers.write.successful", supplier.body.pushOperationKey],
        ["journalEntries.write.unsuccessful", clashed.body.pushOperationKey],
      ]),
    );
    for (const body of bodies) expect(validateWebhookBody(body.eventType, body)).toEqual([]);
  });

  it("a wrong secret does not verify", async () => {
    await sim.linkedCompany();
    await flushWebhookDeliveries(sim.db, sim.env);
    const [first] = receiver.received;
    if (!first) throw new Error("no webhook");
    const other = new Webhook(`whsec_${Buffer.from("another secret, 24 bytes!").toString("base64")}`);
    expect(() => other.verify(first.body, headersOf(first))).toThrow();
  });

  it("replay resends the same delivery with the same webhook-id and body; the log says when each attempt was sent", async () => {
    const { companyId } = await sim.linkedCompany();
    type Listed = { id: string; status: string; attempts: number; lastSentAt: string | null };
    const listed = async () => (await sim.control<{ deliveries: Listed[] }>("GET", `/webhooks?companyId=${companyId}`)).body.deliveries;
    expect((await listed())[0]).toMatchObject({ status: "pending", lastSentAt: null });
    const before = Date.now();
    await flushWebhookDeliveries(sim.db, sim.env);
    const delivery = (await listed())[0];
    expect(delivery).toMatchObject({ status: "delivered", attempts: 1 });
    if (!delivery) throw new Error("no delivery");
    // The send time is the moment the request left, the same second the signed timestamp names.
    const sentAt = Date.parse(delivery.lastSentAt ?? "");
    expect(sentAt).toBeGreaterThanOrEqual(before);
    expect(sentAt).toBeLessThanOrEqual(Date.now());
    expect(String(Math.floor(sentAt / 1000))).toBe(receiver.received[0]?.headers["webhook-timestamp"]);

    const replay = await sim.control<{ id: string; attempts: number; lastStatus: number }>(
      "POST",
      `/webhooks/${delivery.id}/replay`,
    );
    expect(replay.body).toMatchObject({ id: delivery.id, attempts: 2, lastStatus: 200 });
    const [original, again] = receiver.received;
    if (!original || !again) throw new Error("expected two sends");
    expect(again.headers["webhook-id"]).toBe(delivery.id);
    expect(again.headers["webhook-id"]).toBe(original.headers["webhook-id"]);
    expect(again.body).toBe(original.body);
    expect(() => new Webhook(sim.env.webhookSecret).verify(again.body, headersOf(again))).not.toThrow();
    expect(Date.parse((await listed())[0]?.lastSentAt ?? "")).toBeGreaterThanOrEqual(sentAt);

    const missing = await sim.control("POST", "/webhooks/msg_doesnotexist/replay");
    expect(missing.status).toBe(404);
  });

  it("retries with backoff after failures, then gives up", async () => {
    await sim.linkedCompany();
    receiver.failNext(500, 503);
    const t0 = new Date();
    await flushWebhookDeliveries(sim.db, sim.env, t0);
    expect(receiver.received).toHaveLength(1);
    // The second attempt is due 1 s later, the third 2 s after that.
    await flushWebhookDeliveries(sim.db, sim.env, new Date(t0.getTime() + 500));
    expect(receiver.received).toHaveLength(1);
    await flushWebhookDeliveries(sim.db, sim.env, new Date(t0.getTime() + 1000));
    expect(receiver.received).toHaveLength(2);
    await flushWebhookDeliveries(sim.db, sim.env, new Date(t0.getTime() + 3000));
    expect(receiver.received).toHaveLength(3);
    expect(new Set(receiver.received.map((w) => w.headers["webhook-id"])).size).toBe(1);

    const second = await sim.linkedCompany();
    receiver.failNext(...Array.from({ length: MAX_WEBHOOK_ATTEMPTS }, () => 500));
    for (let i = 0; i < MAX_WEBHOOK_ATTEMPTS + 2; i++) {
      await flushWebhookDeliveries(sim.db, sim.env, new Date(t0.getTime() + 3000 + i * 60_000));
    }
    const list = await sim.control<{ deliveries: { status: string; attempts: number; lastStatus: number }[] }>(
      "GET",
      `/webhooks?companyId=${second.companyId}`,
    );
    expect(list.body.deliveries[0]).toMatchObject({ status: "failed", attempts: MAX_WEBHOOK_ATTEMPTS, lastStatus: 500 });
  });

  it("with webhooks switched off, events are recorded as skipped and not sent", async () => {
    await sim.setConfig({ webhooksEnabled: false });
    const { companyId } = await sim.linkedCompany();
    await flushWebhookDeliveries(sim.db, sim.env);
    expect(receiver.received).toHaveLength(0);
    const list = await sim.control<{ deliveries: { status: string }[] }>("GET", `/webhooks?companyId=${companyId}`);
    expect(list.body.deliveries).toMatchObject([{ status: "skipped" }]);
  });

  it("unlinking a Linked connection over the API sends connection.disconnected with status Unlinked", async () => {
    const { companyId, connectionId } = await sim.linkedCompany();
    const res = await sim.codat<{ status: string }>("PATCH", `/companies/${companyId}/connections/${connectionId}`, {
      status: "Unlinked",
    });
    expect(res.body.status).toBe("Unlinked");
    await flushWebhookDeliveries(sim.db, sim.env);
    const last = receiver.received.at(-1);
    const body = JSON.parse(last?.body ?? "{}") as Body;
    expect(body).toMatchObject({ eventType: "connection.disconnected", payload: { connection: { status: "Unlinked" } } });
  });
});
