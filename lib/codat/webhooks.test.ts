import { describe, expect, it } from "vitest";
import { validateWebhookBody } from "./openapi-validator";
import { connectionWebhookBody, IDS, supplierWriteWebhookBody } from "./testing/codat-fixtures";
import { isWriteEvent, signCodatWebhook, verifyCodatWebhook, WebhookVerificationError } from "./webhooks";

const SECRET = `whsec_${Buffer.from("a secret of thirty-two bytes!!!!").toString("base64")}`;
const OTHER_SECRET = `whsec_${Buffer.from("another secret, also 32 bytes..").toString("base64")}`;
const NOW = new Date("2026-03-02T09:20:00Z");

function signed(body: unknown, opts: { at?: Date; secret?: string; id?: string } = {}) {
  const raw = JSON.stringify(body);
  const headers = signCodatWebhook({ id: opts.id ?? "msg_2x9Qk", timestamp: opts.at ?? NOW, body: raw, secret: opts.secret ?? SECRET });
  return { raw, headers };
}

function failure(fn: () => unknown): WebhookVerificationError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(WebhookVerificationError);
    return err as WebhookVerificationError;
  }
  throw new Error("expected a WebhookVerificationError");
}

describe("verifyCodatWebhook", () => {
  it("accepts a valid connection event and types its payload", () => {
    const { raw, headers } = signed(connectionWebhookBody("connection.connected", { status: "Linked" }));
    const event = verifyCodatWebhook(raw, headers, SECRET, { now: NOW });
    expect(event.id).toBe("msg_2x9Qk");
    expect(event.type).toBe("connection.connected");
    if (event.type !== "connection.connected") throw new Error("narrowing");
    expect(event.payload.connection).toMatchObject({ id: IDS.connection, status: "Linked", integrationKey: "hbql" });
    expect(event.payload.referenceCompany.id).toBe(IDS.company);
    expect(event.generatedDate).toBe("2026-03-02T09:16:30Z");
  });

  it("accepts a supplier write event, from a Headers object too", () => {
    const { raw, headers } = signed(supplierWriteWebhookBody("suppliers.write.unsuccessful", "TimedOut"));
    const event = verifyCodatWebhook(raw, new Headers(headers), SECRET, { now: NOW });
    if (event.type !== "suppliers.write.unsuccessful") throw new Error(`got ${event.type}`);
    expect(event.payload).toMatchObject({ id: IDS.push, status: "TimedOut", connectionId: IDS.connection, record: null });
  });

  it("accepts a write event of any data type, with its data type and outcome", () => {
    const body = { ...supplierWriteWebhookBody("suppliers.write.unsuccessful", "Failed"), eventType: "billPayments.write.unsuccessful" };
    const verify = (b: unknown) => {
      const { raw, headers } = signed(b);
      return verifyCodatWebhook(raw, headers, SECRET, { now: NOW });
    };
    const event = verify(body);
    if (!isWriteEvent(event)) throw new Error(`got ${event.type}`);
    expect(event).toMatchObject({ type: "billPayments.write.unsuccessful", dataType: "billPayments", successful: false, payload: { id: IDS.push, status: "Failed" } });
    const ok = verify({ ...body, eventType: "bills.write.successful" });
    expect(ok).toMatchObject({ dataType: "bills", successful: true });
    const odd = verify({ ...body, eventType: "bills.write.maybe" });
    expect(odd.type).toBe("unhandled");
  });

  it("accepts any of several signatures (secret rotation) and upper-case header names", () => {
    const { raw, headers } = signed(connectionWebhookBody("connection.failed"));
    const other = signed(connectionWebhookBody("connection.failed"), { secret: OTHER_SECRET }).headers["webhook-signature"];
    const mixed = {
      "Webhook-Id": headers["webhook-id"],
      "Webhook-Timestamp": headers["webhook-timestamp"],
      "Webhook-Signature": `${other} ${headers["webhook-signature"]}`,
    };
    expect(verifyCodatWebhook(raw, mixed, SECRET, { now: NOW }).type).toBe("connection.failed");
  });

  it("acknowledges other event types without parsing them", () => {
    const { raw, headers } = signed({ id: "x", eventType: "company.created", payload: { anything: true } });
    expect(verifyCodatWebhook(raw, headers, SECRET, { now: NOW })).toEqual({
      id: "msg_2x9Qk",
      type: "unhandled",
      eventType: "company.created",
      generatedDate: null,
    });
  });

  it("rejects a tampered body", () => {
    const { raw, headers } = signed(supplierWriteWebhookBody("suppliers.write.successful", "Success"));
    const tampered = raw.replace('"Success"', '"Failed"');
    expect(failure(() => verifyCodatWebhook(tampered, headers, SECRET, { now: NOW })).reason).toBe("bad_signature");
  });

  it("rejects the wrong secret", () => {
    const { raw, headers } = signed(connectionWebhookBody("connection.connected"));
    expect(failure(() => verifyCodatWebhook(raw, headers, OTHER_SECRET, { now: NOW })).reason).toBe("bad_signature");
  });

  it("rejects an expired or future timestamp", () => {
    const old = signed(connectionWebhookBody("connection.connected"), { at: new Date(NOW.getTime() - 6 * 60_000) });
    expect(failure(() => verifyCodatWebhook(old.raw, old.headers, SECRET, { now: NOW })).reason).toBe("expired");
    const future = signed(connectionWebhookBody("connection.connected"), { at: new Date(NOW.getTime() + 6 * 60_000) });
    expect(failure(() => verifyCodatWebhook(future.raw, future.headers, SECRET, { now: NOW })).reason).toBe("expired");
    // A wider window accepts the same message.
    expect(verifyCodatWebhook(old.raw, old.headers, SECRET, { now: NOW, toleranceSeconds: 600 }).type).toBe("connection.connected");
  });

  it.each(["webhook-id", "webhook-timestamp", "webhook-signature"] as const)("rejects a missing %s", (name) => {
    const { raw, headers } = signed(connectionWebhookBody("connection.connected"));
    const { [name]: _dropped, ...rest } = headers;
    expect(failure(() => verifyCodatWebhook(raw, rest, SECRET, { now: NOW })).reason).toBe("missing_header");
  });

  it("rejects a timestamp that is not a number", () => {
    const { raw, headers } = signed(connectionWebhookBody("connection.connected"));
    const bad = { ...headers, "webhook-timestamp": "yesterday" };
    expect(failure(() => verifyCodatWebhook(raw, bad, SECRET, { now: NOW })).reason).toBe("invalid_timestamp");
  });

  it("rejects a correctly signed body that is not a Codat event", () => {
    const notJson = "not json";
    const h1 = signCodatWebhook({ id: "m1", timestamp: NOW, body: notJson, secret: SECRET });
    expect(failure(() => verifyCodatWebhook(notJson, h1, SECRET, { now: NOW })).reason).toBe("invalid_json");
    const { raw, headers } = signed({ eventType: "connection.connected", payload: { connection: { id: "c" } } });
    expect(failure(() => verifyCodatWebhook(raw, headers, SECRET, { now: NOW })).reason).toBe("invalid_payload");
  });

  it("rejects a malformed secret without echoing it", () => {
    const { raw, headers } = signed(connectionWebhookBody("connection.connected"));
    const err = failure(() => verifyCodatWebhook(raw, headers, "", { now: NOW }));
    expect(err.reason).toBe("invalid_secret");
  });
});

describe("webhook fixtures", () => {
  it.each([
    ["connection.connected", connectionWebhookBody("connection.connected", { status: "Linked" })],
    ["connection.disconnected", connectionWebhookBody("connection.disconnected", { status: "Deauthorized" })],
    ["connection.failed", connectionWebhookBody("connection.failed")],
    ["suppliers.write.successful", supplierWriteWebhookBody("suppliers.write.successful", "Success")],
    ["suppliers.write.unsuccessful", supplierWriteWebhookBody("suppliers.write.unsuccessful", "Failed")],
  ])("%s follows the platform spec", (type, body) => {
    expect(validateWebhookBody(type, body)).toEqual([]);
  });
});
