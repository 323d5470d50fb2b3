import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { handleSimControlRequest } from "../control-api/control-router";
import { openSimHarness, testSimEnv, type SimHarness } from "../testing/sim-harness";
import { handleCodatRequest } from "./codat-router";

let sim: SimHarness;
beforeAll(async () => {
  sim = await openSimHarness();
});
beforeEach(async () => {
  await sim.resetConfig();
});
afterAll(async () => {
  await sim.close();
});

const errorShape = {
  statusCode: expect.any(Number),
  service: expect.any(String),
  error: expect.any(String),
  correlationId: expect.stringMatching(/^[0-9a-f]{32}$/),
  canBeRetried: expect.any(String),
  detailedErrorCode: 0,
};

describe("auth", () => {
  it.each([
    ["no header", null],
    ["wrong key", `Basic ${Buffer.from("wrong").toString("base64")}`],
    ["not Basic", "Bearer sim-test-key"],
  ])("%s → 401 ErrorMessage", async (_name, auth) => {
    const res = await sim.codat("GET", "/companies", undefined, { auth });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ ...errorShape, statusCode: 401, error: "Unauthorized", canBeRetried: "Unknown" });
  });
});

describe("not found", () => {
  it("answers unknown ids and paths with 404 in Codat's shape", async () => {
    const missing = "846ed55c-974b-4392-a1f1-87b6fdbf3c5e";
    const company = await sim.codat("GET", `/companies/${missing}`);
    expect(company.status).toBe(404);
    expect(company.body).toEqual({ ...errorShape, statusCode: 404, service: "ClientsApi", error: `No company was found with ID ${missing}`, canBeRetried: "Unknown" });
    expect((await sim.codat("GET", "/companies/not-a-uuid")).status).toBe(404);
    const { companyId } = await sim.createCompanyWithConnection();
    const connection = await sim.codat("GET", `/companies/${companyId}/connections/${missing}`);
    expect(connection.body).toMatchObject({ statusCode: 404, error: `Data connection ${missing} not found` });
    expect((await sim.codat("GET", `/companies/${companyId}/push/${missing}`)).status).toBe(404);
    expect((await sim.codat("GET", "/nothing-here")).body).toMatchObject({ statusCode: 404 });
    expect((await sim.codat("DELETE", "/companies")).status).toBe(405);
  });
});

describe("companies and connections", () => {
  it("creates companies and validates names", async () => {
    const ok = await sim.codat("POST", "/companies", { name: "Bank of Dave", description: "ext-42", tags: { region: "uk" } });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ name: "Bank of Dave", description: "ext-42", tags: { region: "uk" }, dataConnections: [] });
    const bad = await sim.codat("POST", "/companies", { name: "" });
    expect(bad.status).toBe(400);
    expect((await sim.codat("POST", "/companies", "{not json")).status).toBe(400);
  });

  it("pages and queries companies like Codat", async () => {
    for (const name of ["Paging A", "Paging B", "Paging C"]) await sim.codat("POST", "/companies", { name });
    const page = await sim.codat<{ results: { name: string }[]; pageNumber: number; pageSize: number; totalResults: number; _links: Record<string, { href: string }> }>(
      "GET",
      "/companies?page=2&pageSize=1&query=name~Paging",
    );
    expect(page.body).toMatchObject({ pageNumber: 2, pageSize: 1, totalResults: 3, results: [{ name: "Paging B" }] });
    expect(page.body._links).toEqual({
      self: { href: "/companies" },
      current: { href: "/companies?page=2&pageSize=1&query=name~Paging" },
      next: { href: "/companies?page=3&pageSize=1&query=name~Paging" },
      previous: { href: "/companies?page=1&pageSize=1&query=name~Paging" },
    });
    const exact = await sim.codat<{ totalResults: number }>("GET", `/companies?query=${encodeURIComponent("name=paging c")}`);
    expect(exact.body.totalResults).toBe(1);
    expect((await sim.codat("GET", "/companies?query=colour=blue")).status).toBe(400);
    expect((await sim.codat("GET", "/companies?pageSize=0")).status).toBe(400);
  });

  it("creates a Sage 50 connection (hbql only), once while one is active", async () => {
    const company = await sim.codat<{ id: string }>("POST", "/companies", { name: "Conn Co" });
    const id = company.body.id;
    const first = await sim.codat<Record<string, unknown>>("POST", `/companies/${id}/connections`, { platformKey: "hbql" });
    expect(first.body).toMatchObject({
      integrationKey: "hbql",
      platformName: "Sage 50 (UK & Ireland)",
      sourceType: "Accounting",
      status: "PendingAuth",
      linkUrl: `http://app.test/sim/pc/${id}`,
    });
    expect(first.body).not.toHaveProperty("lastSync");
    const again = await sim.codat<{ id: string }>("POST", `/companies/${id}/connections`, { platformKey: "hbql" });
    expect(again.body.id).toBe(first.body.id);
    expect((await sim.codat("POST", `/companies/${id}/connections`, { platformKey: "gbol" })).status).toBe(400);
    const list = await sim.codat<{ totalResults: number }>("GET", `/companies/${id}/connections`);
    expect(list.body.totalResults).toBe(1);
  });

  it("has company info only once the company has synced", async () => {
    const { companyId } = await sim.createCompanyWithConnection();
    const before = await sim.codat("GET", `/companies/${companyId}/data/info`);
    expect(before.status).toBe(409);
    expect(before.body).toMatchObject({ statusCode: 409, error: "The data set has not been requested." });
  });
});

describe("knobs", () => {
  it("injects 429 (Retry-After: 1) and 5xx deterministically", async () => {
    await sim.setConfig({ errorRate429: 0.3 });
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) {
      const res = await sim.codat("GET", "/companies?pageSize=1");
      statuses.push(res.status);
      if (res.status === 429) {
        expect(res.headers.get("retry-after")).toBe("1");
        expect(res.body).toMatchObject({ statusCode: 429, canBeRetried: "True" });
      }
    }
    expect(statuses).toEqual([200, 200, 200, 429, 200, 200, 429, 200, 200, 429]);

    await sim.setConfig({ errorRate429: 0, errorRate5xx: 0.5 });
    const fives: number[] = [];
    for (let i = 0; i < 6; i++) fives.push((await sim.codat("GET", "/companies?pageSize=1")).status);
    expect(fives).toEqual([200, 500, 200, 500, 200, 500]);
  });

  it("validates config updates", async () => {
    const bad = await sim.control("PUT", "/config", { errorRate5xx: 2 });
    expect(bad.status).toBe(422);
    const ok = await sim.control<Record<string, unknown>>("PUT", "/config", { latencyMs: 5 });
    expect(ok.body).toMatchObject({ latencyMs: 5, processingDelayMs: 0 });
    expect((await sim.control("GET", "/config")).body).toMatchObject({ latencyMs: 5 });
  });

  it("counts requests per operation and resets", async () => {
    await sim.control("POST", "/stats/reset");
    const { companyId } = await sim.createCompanyWithConnection();
    await sim.codat("GET", `/companies/${companyId}`);
    await sim.codat("GET", `/companies/${companyId}`);
    await sim.codat("GET", "/companies", undefined, { auth: null });
    const stats = await sim.control<{ operations: Record<string, number> }>("GET", "/stats");
    expect(stats.body.operations).toEqual({
      "POST /companies": 1,
      "POST /companies/{companyId}/connections": 1,
      "GET /companies/{companyId}": 2,
      "GET /companies": 1,
    });
    await sim.control("POST", "/stats/reset");
    expect((await sim.control("GET", "/stats")).body).toEqual({ operations: {} });
  });
});

describe("live mode", () => {
  it("answers 404 on every simulator route", async () => {
    const opts = { db: sim.db, env: testSimEnv({ live: true }) };
    const codat = await handleCodatRequest(new Request("http://x/api/sim/codat/companies"), opts);
    expect(codat.status).toBe(404);
    const control = await handleSimControlRequest(new Request("http://x/api/sim/config"), opts);
    expect(control.status).toBe(404);
  });
});

describe("text PostgreSQL cannot store", () => {
  it("answers a NUL character with a refusal, not a 500", async () => {
    const control = await sim.control("GET", "/webhooks?eventType=%00");
    expect(control.status).toBe(422);
    expect(control.body).toMatchObject({ error: { code: "validation_failed", message: expect.stringContaining("NUL") } });
    const codat = await sim.codat("POST", "/companies", { name: "Acme\u0000Ltd" });
    expect(codat.status).toBe(400);
    expect(codat.body).toMatchObject({ ...errorShape, statusCode: 400 });
  });
});

describe("control API bodies", () => {
  it("refuses a body over 64 KB with 413 and the error shape", async () => {
    const res = await sim.control("PUT", "/config", { webhookUrl: `http://x/${"a".repeat(70 * 1024)}` });
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ error: { code: "payload_too_large", message: expect.stringContaining("64 KB") } });
  });
});
