import { readdirSync } from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { describeEachDatabase } from "@/lib/db/testing/test-databases";
import type { DbHandle } from "@/lib/db/client";
import type { CodatClient } from "@/lib/codat/client";
import { actorRef } from "@/lib/auth/actor";
import { createApiKey } from "@/lib/api-keys/api-keys";
import { idempotencyKeys } from "@/lib/db/schema/staff";
import { eq } from "drizzle-orm";
import { openAppStack, type AppStack } from "@/lib/testing/app-stack";
import { createApiDocumentValidator } from "@/lib/testing/api-document-validator";
import { API_V1_OPERATIONS, buildOpenApiDocument } from "@/lib/setups-api/openapi-document";
import { WEBHOOK_EVENT_TYPES } from "@/lib/sage/webhook-events";
import * as setupsRoute from "./setups/route";
import * as setupRoute from "./setups/[id]/route";
import * as linksRoute from "./setups/[id]/links/route";
import * as readinessRoute from "./companies/[id]/push-readiness/route";
import * as healthRoute from "./companies/[id]/push-health/route";
import { offlineCodat, writeEvent } from "@/lib/push-health/testing/write-events";
import { getCompany } from "@/lib/db/queries/companies";
import { listAlerts } from "@/lib/db/queries/push-health";
import { recordWrite } from "@/lib/push-health/record-write";
import * as documentRoute from "./openapi.json/route";

// The route handlers reach Codat through getCodat(): here, the simulator of this file's app stack.
const current = vi.hoisted(() => ({ codat: null as CodatClient | null }));
vi.mock("@/lib/codat/config", async (original) => ({
  ...(await original<typeof import("@/lib/codat/config")>()),
  getCodat: () => current.codat,
}));

type Handler = (req: NextRequest, segment: { params: Promise<Record<string, string>> }) => Promise<Response>;
type RouteModule = Partial<Record<"GET" | "POST", Handler>>;

/** Every `/api/v1` route module, by its OpenAPI path template. */
const ROUTES: Record<string, RouteModule> = {
  "/api/v1/setups": setupsRoute,
  "/api/v1/setups/{id}": setupRoute,
  "/api/v1/setups/{id}/links": linksRoute,
  "/api/v1/companies/{id}/push-readiness": readinessRoute,
  "/api/v1/companies/{id}/push-health": healthRoute,
  "/api/v1/openapi.json": documentRoute,
};

const document = buildOpenApiDocument("http://localhost:3000");
const validator = createApiDocumentValidator(document);
const V1_DIR = path.dirname(new URL(import.meta.url).pathname);

/** The `/api/v1` routes on disk, as OpenAPI templates with their exported methods. */
function routesOnDisk(): { template: string; methods: string[] }[] {
  const found: { template: string; methods: string[] }[] = [];
  for (const entry of readdirSync(V1_DIR, { recursive: true, encoding: "utf8" })) {
    if (path.basename(entry) !== "route.ts") continue;
    const folder = path.dirname(entry).split(path.sep).filter((p) => p !== ".");
    const template = `/api/v1/${folder.map((p) => p.replace(/^\[(\w+)\]$/, "{$1}")).join("/")}`;
    found.push({ template, methods: Object.keys(ROUTES[template] ?? {}).filter((m) => ["GET", "POST", "PUT", "PATCH", "DELETE"].includes(m)) });
  }
  return found;
}

it("every /api/v1 route on disk is in the document, with each of its methods, and nothing else is", () => {
  const onDisk = routesOnDisk();
  expect(onDisk.length).toBe(Object.keys(ROUTES).length);
  for (const { template, methods } of onDisk) {
    expect(Object.keys(document.paths), `${template} is on disk but not in the document`).toContain(template);
    expect(Object.keys(document.paths[template]!).sort()).toEqual(methods.map((m) => m.toLowerCase()).sort());
  }
  expect(Object.keys(document.paths).sort()).toEqual(onDisk.map((r) => r.template).sort());
});

it("the document is OpenAPI 3.1 with the bearer scheme, the error schema and a scope on every keyed operation", () => {
  expect(document.openapi).toBe("3.1.0");
  expect(document.components.securitySchemes.apiKey).toMatchObject({ type: "http", scheme: "bearer" });
  expect(document.components.schemas.Error).toBeDefined();
  for (const op of API_V1_OPERATIONS.filter((o) => o.scope)) {
    const described = document.paths[op.path]![op.method] as { security: unknown; responses: Record<string, unknown> };
    expect(described.security).toEqual([{ apiKey: [op.scope] }]);
    expect(Object.keys(described.responses)).toEqual(expect.arrayContaining(["401", "403"]));
  }
});

it("the document describes every webhook event type under webhooks, each body a component schema", () => {
  expect(Object.keys(document.webhooks)).toEqual([...WEBHOOK_EVENT_TYPES]);
  for (const type of WEBHOOK_EVENT_TYPES) {
    const body = document.webhooks[type]!.post.requestBody.content["application/json"].schema as { $ref: string };
    const id = body.$ref.replace("#/components/schemas/", "");
    expect(document.components.schemas[id], type).toMatchObject({ properties: { type: { const: type } } });
  }
});

describeEachDatabase("the /api/v1 contract on $name", ({ open }) => {
  let h: DbHandle;
  let stack: AppStack;
  const keys = { readWrite: "", read: "", write: "" };
  const holder = globalThis as typeof globalThis & { __pushSetupDb?: { handle?: Promise<DbHandle> } };
  let saved: typeof holder.__pushSetupDb;

  beforeAll(async () => {
    h = await open();
    stack = await openAppStack(h);
    current.codat = stack.codat;
    saved = holder.__pushSetupDb;
    holder.__pushSetupDb = { handle: Promise.resolve(h) };
    const system = actorRef({ type: "system" });
    keys.readWrite = (await createApiKey(h.db, { name: "Contract both", scopes: ["read", "write"], actor: system })).key;
    keys.read = (await createApiKey(h.db, { name: "Contract read", scopes: ["read"], actor: system })).key;
    keys.write = (await createApiKey(h.db, { name: "Contract write", scopes: ["write"], actor: system })).key;
  });
  afterAll(async () => {
    holder.__pushSetupDb = saved;
    await stack?.close();
    await h?.close();
  });

  /** Sends a real request to the route's handler and checks the answer against the document. */
  async function call(
    method: "GET" | "POST",
    template: string,
    opts: { path?: string; params?: Record<string, string>; key?: string | null; body?: unknown; headers?: Record<string, string> } = {},
  ) {
    const handler = ROUTES[template]?.[method];
    if (!handler) throw new Error(`no ${method} ${template}`);
    const url = new URL(opts.path ?? template.replace(/\{(\w+)\}/g, (_, name: string) => opts.params?.[name] ?? ""), "http://localhost:3000");
    const headers: Record<string, string> = { ...opts.headers };
    const key = opts.key === undefined ? keys.readWrite : opts.key;
    if (key) headers.authorization = `Bearer ${key}`;
    if (opts.body !== undefined) headers["content-type"] = "application/json";
    const req = new NextRequest(url, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) });
    const res = await handler(req, { params: Promise.resolve(opts.params ?? {}) });
    const body = (await res.json()) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(validator.validateResponse(method, template, res.status, body)).toEqual([]);
    return { status: res.status, body, headers: res.headers };
  }

  const newSetup = (externalId: string) => ({ externalId, name: `Client ${externalId}`, contactEmail: "Owner@Example.com" });

  it("GET /api/v1/openapi.json: the document, public and cacheable", async () => {
    const res = await call("GET", "/api/v1/openapi.json", { key: null });
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe("3.1.0");
    expect(res.headers.get("cache-control")).toContain("public");
  });

  it("POST /api/v1/setups: 201 with a link, 200 without one for the same externalId, 401, 403, 422", async () => {
    const created = await call("POST", "/api/v1/setups", { body: newSetup("contract-1") });
    expect(created.status).toBe(201);
    expect(created.body.setup).toMatchObject({ externalId: "contract-1", contactEmail: "owner@example.com", flow: "new", status: "in_progress", health: { state: "unknown", cause: null, since: null } });
    expect(created.body.setupLink.url).toMatch(/\/s\//);

    const again = await call("POST", "/api/v1/setups", { body: newSetup("contract-1") });
    expect(again.status).toBe(200);
    expect(again.body.setup.id).toBe(created.body.setup.id);
    expect(again.body.setupLink).toBeNull();

    expect((await call("POST", "/api/v1/setups", { key: null, body: newSetup("contract-2") })).body.error.code).toBe("unauthorized");
    const readOnly = await call("POST", "/api/v1/setups", { key: keys.read, body: newSetup("contract-2") });
    expect([readOnly.status, readOnly.body.error.code]).toEqual([403, "insufficient_scope"]);
    const invalid = await call("POST", "/api/v1/setups", { body: { externalId: "", name: "x", extra: 1 } });
    expect([invalid.status, invalid.body.error.code]).toEqual([422, "validation_failed"]);
    const newWithCodatId = await call("POST", "/api/v1/setups", { body: { ...newSetup("contract-3"), codatCompanyId: "abc" } });
    expect(newWithCodatId.status).toBe(422);
  });

  it("POST /api/v1/setups flow upgrade: an unknown Codat company is 404", async () => {
    const res = await call("POST", "/api/v1/setups", { body: { ...newSetup("contract-up"), flow: "upgrade", codatCompanyId: crypto.randomUUID() } });
    expect([res.status, res.body.error.code]).toEqual([404, "import_not_found"]);
  });

  it("POST /api/v1/setups with an Idempotency-Key: the first answer again; another body with it is 422", async () => {
    const headers = { "idempotency-key": `contract-${crypto.randomUUID()}` };
    const first = await call("POST", "/api/v1/setups", { body: newSetup("contract-idem"), headers });
    const replay = await call("POST", "/api/v1/setups", { body: newSetup("contract-idem"), headers });
    expect(first.status).toBe(201);
    expect(replay.status).toBe(201);
    expect(replay.body).toEqual(first.body);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    const reused = await call("POST", "/api/v1/setups", { body: newSetup("contract-other"), headers });
    expect([reused.status, reused.body.error.code]).toEqual([422, "idempotency_key_reused"]);
    const emptyKey = await call("POST", "/api/v1/setups", { body: newSetup("contract-empty"), headers: { "idempotency-key": "" } });
    expect(emptyKey.status).toBe(422);

    // While the first request with a key has not answered, the same request is told to retry.
    await h.db.update(idempotencyKeys).set({ responseStatus: null, responseBody: null, claimedAt: new Date() }).where(eq(idempotencyKeys.key, headers["idempotency-key"]));
    const inUse = await call("POST", "/api/v1/setups", { body: newSetup("contract-idem"), headers });
    expect([inUse.status, inUse.body.error.code, inUse.headers.get("retry-after")]).toEqual([409, "idempotency_key_in_use", "1"]);
  });

  it("POST /api/v1/setups while Codat is down: 503 codat_unavailable, and nothing is created", async () => {
    await stack.setConfig({ failNext: { status: 503, count: 20 } });
    const down = await call("POST", "/api/v1/setups", { body: newSetup("contract-down") });
    await stack.setConfig({ failNext: null });
    expect([down.status, down.body.error.code]).toEqual([503, "codat_unavailable"]);
    expect((await call("GET", "/api/v1/setups", { path: "/api/v1/setups?externalId=contract-down" })).body.items).toEqual([]);
  });

  it("GET /api/v1/setups: by externalId, a page at a time with a cursor, 422 for a bad cursor or limit, 403 for a write-only key", async () => {
    const byExternal = await call("GET", "/api/v1/setups", { path: "/api/v1/setups?externalId=contract-1" });
    expect(byExternal.body.items.map((s: { externalId: string }) => s.externalId)).toEqual(["contract-1"]);
    expect((await call("GET", "/api/v1/setups", { path: "/api/v1/setups?externalId=nobody" })).body.items).toEqual([]);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: Record<string, any> } = await call("GET", "/api/v1/setups", { path: `/api/v1/setups?limit=1${cursor ? `&cursor=${cursor}` : ""}` }); // eslint-disable-line @typescript-eslint/no-explicit-any
      expect(page.body.items.length).toBeLessThanOrEqual(1);
      seen.push(...page.body.items.map((s: { id: string }) => s.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBeGreaterThanOrEqual(2);

    expect((await call("GET", "/api/v1/setups", { path: "/api/v1/setups?cursor=bm9wZQ" })).status).toBe(422);
    expect((await call("GET", "/api/v1/setups", { path: "/api/v1/setups?limit=0" })).status).toBe(422);
    expect((await call("GET", "/api/v1/setups", { key: keys.write })).body.error.code).toBe("insufficient_scope");
  });

  it("GET /api/v1/setups/{id}: the setup, 404 for an unknown or malformed id, 401 without a key", async () => {
    const [setup] = (await call("GET", "/api/v1/setups", { path: "/api/v1/setups?externalId=contract-1" })).body.items;
    const one = await call("GET", "/api/v1/setups/{id}", { params: { id: setup.id } });
    expect(one.body.setup).toMatchObject({ id: setup.id, stepReached: { key: "before-start", number: 1 }, pushReadiness: { ready: false } });
    expect((await call("GET", "/api/v1/setups/{id}", { params: { id: crypto.randomUUID() } })).status).toBe(404);
    expect((await call("GET", "/api/v1/setups/{id}", { params: { id: "not-a-uuid" } })).status).toBe(404);
    expect((await call("GET", "/api/v1/setups/{id}", { params: { id: setup.id }, key: null })).status).toBe(401);
  });

  it("POST /api/v1/setups/{id}/links: a new link (201), 404 for an unknown id, 403 for a read key", async () => {
    const [setup] = (await call("GET", "/api/v1/setups", { path: "/api/v1/setups?externalId=contract-1" })).body.items;
    const renewed = await call("POST", "/api/v1/setups/{id}/links", { params: { id: setup.id } });
    expect(renewed.status).toBe(201);
    expect(renewed.body.setupLink.shortCode).toMatch(/^\w{4}-\w{4}$/);
    const headers = { "idempotency-key": crypto.randomUUID() };
    const keyed = await call("POST", "/api/v1/setups/{id}/links", { params: { id: setup.id }, headers });
    const replayed = await call("POST", "/api/v1/setups/{id}/links", { params: { id: setup.id }, headers });
    expect([replayed.status, replayed.body]).toEqual([201, keyed.body]);
    expect((await call("POST", "/api/v1/setups/{id}/links", { params: { id: crypto.randomUUID() } })).status).toBe(404);
    expect((await call("POST", "/api/v1/setups/{id}/links", { params: { id: setup.id }, key: keys.read })).status).toBe(403);
  });

  it("GET /api/v1/companies/{id}/push-readiness: by our id or Codat's, 404 for an unknown one", async () => {
    const [setup] = (await call("GET", "/api/v1/setups", { path: "/api/v1/setups?externalId=contract-1" })).body.items;
    const ours = await call("GET", "/api/v1/companies/{id}/push-readiness", { params: { id: setup.id } });
    expect(ours.body).toMatchObject({ companyId: setup.id, ready: false });
    const codats = await call("GET", "/api/v1/companies/{id}/push-readiness", { params: { id: setup.codatCompanyId } });
    expect(codats.body.companyId).toBe(setup.id);
    expect((await call("GET", "/api/v1/companies/{id}/push-readiness", { params: { id: "unknown" } })).status).toBe(404);
    expect((await call("GET", "/api/v1/companies/{id}/push-readiness", { params: { id: setup.id }, key: keys.write })).status).toBe(403);
  });

  it("GET /api/v1/companies/{id}/push-health: unknown before any write, then state, last writes, exact 24-hour and 30-day counts, the open alert; 401, 403, 404", async () => {
    const [setup] = (await call("GET", "/api/v1/setups", { path: "/api/v1/setups?externalId=contract-1" })).body.items;
    const before = await call("GET", "/api/v1/companies/{id}/push-health", { params: { id: setup.id } });
    expect(before.body).toEqual({
      companyId: setup.id,
      codatCompanyId: setup.codatCompanyId,
      state: "unknown",
      cause: null,
      lastSuccessAt: null,
      lastFailureAt: null,
      counts: { last24h: { succeeded: 0, failed: 0 }, last30d: { succeeded: 0, failed: 0 } },
      openAlert: null,
    });

    const company = (await getCompany(h.db, setup.id))!;
    const now = Date.now();
    await recordWrite(h.db, stack.codat, company, writeEvent(company, "old-ok", "Success", { completed: new Date(now - 25 * 3_600_000) }));
    await recordWrite(h.db, stack.codat, company, writeEvent(company, "recent-ok", "Success", { completed: new Date(now - 60_000) }));
    await recordWrite(h.db, offline, company, writeEvent(company, "recent-failed", "Failed", { completed: new Date(now - 1000) }));
    const [opened] = await listAlerts(h.db, company.id);

    const after = await call("GET", "/api/v1/companies/{id}/push-health", { params: { id: setup.codatCompanyId }, key: keys.read });
    expect(after.status).toBe(200);
    expect(after.body).toMatchObject({
      companyId: setup.id,
      // The setup's connection is not Linked yet: disconnected, whatever the writes say.
      state: "disconnected",
      cause: "connector_not_linked",
      lastSuccessAt: new Date(now - 60_000).toISOString(),
      lastFailureAt: new Date(now - 1000).toISOString(),
      counts: { last24h: { succeeded: 1, failed: 1 }, last30d: { succeeded: 2, failed: 1 } },
      openAlert: { openedAt: opened!.openedAt.toISOString(), state: "disconnected", cause: "connector_not_linked" },
    });

    expect((await call("GET", "/api/v1/companies/{id}/push-health", { params: { id: "unknown" } })).status).toBe(404);
    expect((await call("GET", "/api/v1/companies/{id}/push-health", { params: { id: crypto.randomUUID() } })).status).toBe(404);
    expect((await call("GET", "/api/v1/companies/{id}/push-health", { params: { id: setup.id }, key: null })).status).toBe(401);
    const writeOnly = await call("GET", "/api/v1/companies/{id}/push-health", { params: { id: setup.id }, key: keys.write });
    expect([writeOnly.status, writeOnly.body.error.code]).toEqual([403, "insufficient_scope"]);
  });
});

/** Codat is not reachable here: a failed write is diagnosed from the webhook alone. */
const offline = offlineCodat;
