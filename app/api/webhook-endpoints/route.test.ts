import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { openDb, type DbHandle } from "@/lib/db/client";
import type { SessionClaims } from "@/lib/auth/auth.config";
import { seedStaffActor } from "@/lib/support/testing/setup-fixtures";
import { signInAs, useTestDb } from "@/lib/testing/route-session";

// Signed-in requests and getDb's database (lib/testing/route-session.ts).
vi.mock("next/headers", async () => (await import("@/lib/testing/route-session")).nextHeadersStandIn);
vi.mock("@/lib/db/client", async (original) => (await import("@/lib/testing/route-session")).withTestDb(await original<object>()));
let handle: DbHandle;

const { GET, POST } = await import("./route");
const { DELETE } = await import("./[id]/route");
const { POST: ROTATE } = await import("./[id]/rotate/route");
const { GET: DELIVERIES } = await import("./[id]/deliveries/route");

type Answer = { status: number; body: Record<string, unknown> };
type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function call(handler: Handler, path: string, opts: { method?: string; body?: unknown; params?: Record<string, string> } = {}): Promise<Answer> {
  const req = new NextRequest(`http://localhost${path}`, {
    method: opts.method ?? "GET",
    ...(opts.body === undefined ? {} : { body: JSON.stringify(opts.body), headers: { "content-type": "application/json" } }),
  });
  const res = await handler(req, { params: Promise.resolve(opts.params ?? {}) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const staffClaims = (s: { id: string; name: string; email: string }, role: "admin" | "support"): SessionClaims => ({
  kind: "staff",
  userId: s.id,
  role,
  sessionVersion: 1,
  name: s.name,
  email: s.email,
});

describe("/api/webhook-endpoints", () => {
  let admin: SessionClaims;
  let support: SessionClaims;
  beforeAll(async () => {
    handle = await openDb({ dataDir: "memory" });
    useTestDb(handle.db);
    admin = staffClaims(await seedStaffActor(handle.db, "admin"), "admin");
    support = staffClaims(await seedStaffActor(handle.db, "support"), "support");
  });
  afterAll(async () => handle?.close());

  it("is for admins only: no session 401, support 403", async () => {
    await signInAs(null);
    expect((await call(GET, "/api/webhook-endpoints")).status).toBe(401);
    await signInAs(support);
    const refused = await call(POST, "/api/webhook-endpoints", { method: "POST", body: { url: "https://example.com/hooks", events: ["push.enabled"] } });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ error: { code: "forbidden" } });
    expect((await call(GET, "/api/webhook-endpoints")).status).toBe(403);
  });

  it("refuses a bad URL, no events, an unknown event or a given secret with 422", async () => {
    await signInAs(admin);
    for (const body of [
      { url: "not a url", events: ["push.enabled"] },
      { url: "ftp://example.com/hooks", events: ["push.enabled"] },
      { url: "https://example.com/hooks", events: [] },
      { url: "https://example.com/hooks", events: ["push.exploded"] },
    ]) {
      const answer = await call(POST, "/api/webhook-endpoints", { method: "POST", body });
      expect(answer.status, JSON.stringify(body)).toBe(422);
      expect(answer.body).toMatchObject({ error: { code: "validation_failed" } });
    }
    // A secret of one's own is never taken: the product makes it.
    const withSecret = await call(POST, "/api/webhook-endpoints", { method: "POST", body: { url: "https://example.com/hooks", events: ["push.enabled"], secret: "mine" } });
    expect(withSecret.status).toBe(422);
  });

  it("creates an endpoint with its secret shown once, lists it without, rotates, reads its log and deletes it", async () => {
    await signInAs(admin);
    const created = await call(POST, "/api/webhook-endpoints", { method: "POST", body: { url: "http://127.0.0.1:9/hooks", events: ["push.disabled", "setup.created"] } });
    expect(created.status).toBe(201);
    const endpoint = created.body.endpoint as { id: string; secret: string; events: string[] };
    expect(endpoint.secret).toMatch(/^whsec_/);
    expect(endpoint.events).toEqual(["setup.created", "push.disabled"]);
    const listed = await call(GET, "/api/webhook-endpoints");
    expect(JSON.stringify(listed.body)).not.toContain(endpoint.secret);
    expect(listed.body.items).toEqual([expect.objectContaining({ id: endpoint.id })]);

    const params = { id: endpoint.id };
    const rotated = await call(ROTATE, `/api/webhook-endpoints/${endpoint.id}/rotate`, { method: "POST", params });
    expect(rotated.status).toBe(200);
    expect((rotated.body.endpoint as { secret: string }).secret).not.toBe(endpoint.secret);
    expect((await call(DELIVERIES, `/api/webhook-endpoints/${endpoint.id}/deliveries`, { params })).body).toMatchObject({ deliveries: [], attempts: [] });

    expect((await call(DELETE, `/api/webhook-endpoints/${endpoint.id}`, { method: "DELETE", params })).status).toBe(200);
    const gone = await call(DELETE, `/api/webhook-endpoints/${endpoint.id}`, { method: "DELETE", params });
    expect(gone).toMatchObject({ status: 404, body: { error: { code: "not_found" } } });
    expect((await call(DELETE, "/api/webhook-endpoints/nope", { method: "DELETE", params: { id: "nope" } })).status).toBe(404);
  });
});
