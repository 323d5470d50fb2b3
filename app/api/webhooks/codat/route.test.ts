import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { openDb, type DbHandle } from "@/lib/db/client";
import { signCodatWebhook } from "@/lib/codat/webhooks";
import { isWebhookHandled } from "@/lib/db/queries/events";
import { countInbox } from "@/lib/db/queries/codat-webhook-inbox";
import { getEnv } from "@/lib/env";
import type { CompanyRow } from "@/lib/db/queries/companies";
import { seedSetup } from "@/lib/support/testing/setup-fixtures";

let handle: DbHandle;
vi.mock("@/lib/db/client", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/db/client")>()),
  getDb: async () => handle.db,
}));

const { POST } = await import("./route");

function writeBody(company: CompanyRow, id: string, extra: { name?: string } = {}) {
  const at = new Date().toISOString();
  return JSON.stringify({
    id,
    eventType: "bills.write.successful",
    generatedDate: at,
    payload: {
      id: randomUUID(),
      referenceCompany: { id: company.codatCompanyId, name: extra.name ?? "Route Ltd" },
      connectionId: company.codatConnectionId,
      requestedOnDate: at,
      completedOnDate: at,
      status: "Success",
    },
  });
}

async function post(id: string, body: string, opts: { secret?: string } = {}) {
  const headers = signCodatWebhook({ id, timestamp: new Date(), body, secret: opts.secret ?? getEnv().CODAT_WEBHOOK_SECRET });
  const res = await POST(new NextRequest("http://localhost/api/webhooks/codat", { method: "POST", headers: { "content-type": "application/json", ...headers }, body }));
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function until<T>(what: string, read: () => Promise<T>, ok: (v: T) => boolean): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const v = await read();
    if (ok(v)) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe("POST /api/webhooks/codat", () => {
  let company: CompanyRow;
  beforeAll(async () => {
    handle = await openDb({ dataDir: "memory" });
    company = await seedSetup(handle.db, { name: "Webhook Route Ltd", connectionStatus: "Linked" });
  });
  afterAll(async () => handle?.close());

  it("acknowledges a signed webhook as queued, applies it in the background, and answers a second delivery duplicate", async () => {
    const id = `msg_${randomUUID()}`;
    const body = writeBody(company, id);
    expect(await post(id, body)).toEqual({ status: 200, body: { ok: true, outcome: "queued" } });
    expect(await post(id, body)).toEqual({ status: 200, body: { ok: true, outcome: "duplicate" } });
    await until("the drain to apply it", () => isWebhookHandled(handle.db, id), Boolean);
    await until("the inbox to empty", () => countInbox(handle.db), (c) => c.waiting === 0);
    expect(await post(id, body)).toEqual({ status: 200, body: { ok: true, outcome: "duplicate" } });
  });

  it("answers 400 to a bad signature or a missing one, and keeps nothing", async () => {
    const id = `msg_${randomUUID()}`;
    const body = writeBody(company, id);
    const wrong = await post(id, body, { secret: `whsec_${Buffer.from("another secret, 24 bytes!").toString("base64")}` });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ error: { code: "invalid_signature" } });
    const unsigned = await POST(new NextRequest("http://localhost/api/webhooks/codat", { method: "POST", body }));
    expect(unsigned.status).toBe(400);
    expect((await countInbox(handle.db)).waiting).toBe(0);
  });

  it("acknowledges a signed event it does not use as ignored, and never answers 500", async () => {
    const unknown = JSON.stringify({ eventType: "companies.dataset.ready", payload: {} });
    expect(await post(`msg_${randomUUID()}`, unknown)).toEqual({ status: 200, body: { ok: true, outcome: "ignored" } });
    const badShape = JSON.stringify({ eventType: "bills.write.successful", payload: { nothing: true } });
    expect(await post(`msg_${randomUUID()}`, badShape)).toEqual({ status: 200, body: { ok: true, outcome: "ignored" } });
    // A NUL character cannot be stored: refused as bad input, not a server error.
    const id = `msg_${randomUUID()}`;
    const nul = await post(id, writeBody(company, id, { name: "Nul\u0000 Ltd" }));
    expect(nul.status).toBeGreaterThanOrEqual(400);
    expect(nul.status).toBeLessThan(500);
  });
});
