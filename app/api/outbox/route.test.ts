import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { openDb, type DbHandle } from "@/lib/db/client";
import type { SessionClaims } from "@/lib/auth/auth.config";
import { getCurrentSetupLink } from "@/lib/db/queries/setup-links";
import { queueEmail } from "@/lib/email/queue-email";
import { issueSetupLink } from "@/lib/setup-links/issue-setup-link";
import { seedSetup, seedStaffActor } from "@/lib/support/testing/setup-fixtures";
import { signInAs, useTestDb } from "@/lib/testing/route-session";

// Signed-in requests and getDb's database (lib/testing/route-session.ts).
vi.mock("next/headers", async () => (await import("@/lib/testing/route-session")).nextHeadersStandIn);
vi.mock("@/lib/db/client", async (original) => (await import("@/lib/testing/route-session")).withTestDb(await original<object>()));
let handle: DbHandle;

const { GET } = await import("./route");

async function get(search: string) {
  const res = await GET(new NextRequest(`http://localhost/api/outbox${search}`), { params: Promise.resolve({}) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe("GET /api/outbox", () => {
  let staffClaims: SessionClaims;
  let clientClaims: SessionClaims;
  beforeAll(async () => {
    handle = await openDb({ dataDir: "memory" });
    useTestDb(handle.db);
    const staff = await seedStaffActor(handle.db, "support");
    staffClaims = { kind: "staff", userId: staff.id, role: "support", sessionVersion: 1, name: staff.name, email: staff.email };
    const company = await seedSetup(handle.db, { name: "Outbox Route Ltd" });
    await issueSetupLink(handle.db, { companyId: company.id, actor: { actorType: "system", actorId: null, actorLabel: "System" }, appUrl: "http://localhost" });
    const link = await getCurrentSetupLink(handle.db, company.id);
    clientClaims = { kind: "client", companyId: company.id, linkId: link!.id };
    const config = { from: "setup@example.com" };
    await queueEmail(handle.db, { to: "a@example.com", subject: "First", text: "one", html: "<p>one</p>", kind: "setup_link", companyId: company.id }, { config, now: new Date("2026-01-01T00:00:00Z") });
    await queueEmail(handle.db, { to: "b@example.com", subject: "Second", text: "two", kind: "reminder", companyId: company.id }, { config, now: new Date("2026-01-02T00:00:00Z") });
  });
  afterAll(async () => handle?.close());

  it("lists the outbox newest first for support, filtered by address and kind", async () => {
    await signInAs(staffClaims);
    const all = await get("");
    expect(all.status).toBe(200);
    const messages = all.body.messages as Record<string, unknown>[];
    expect(messages.map((m) => m.subject)).toEqual(["Second", "First"]);
    expect(messages[1]).toMatchObject({ to: "a@example.com", text: "one", html: "<p>one</p>", kind: "setup_link", sentAt: "2026-01-01T00:00:00.000Z" });
    expect(Object.keys(messages[1]!)).toEqual(expect.arrayContaining(["id", "to", "subject", "text", "html", "sentAt", "kind"]));
    expect(((await get("?kind=reminder")).body.messages as unknown[]).length).toBe(1);
    expect(((await get("?to=A@example.com")).body.messages as { subject: string }[]).map((m) => m.subject)).toEqual(["First"]);
    const paged = await get("?limit=1");
    expect(paged.body).toMatchObject({ page: 1, hasMore: true });
  });

  it("refuses a bad query in the API's error shape", async () => {
    await signInAs(staffClaims);
    for (const search of ["?kind=spam", "?limit=0", "?limit=1000", "?to=not-an-email", "?colour=red"]) {
      const res = await get(search);
      expect(res.status, search).toBe(422);
      expect(res.body, search).toMatchObject({ error: { code: "validation_failed", message: expect.any(String) } });
    }
  });

  it("is closed to clients (403) and to anyone signed out (401)", async () => {
    await signInAs(clientClaims);
    const client = await get("");
    expect(client.status).toBe(403);
    expect(client.body).toMatchObject({ error: { code: "forbidden", message: expect.any(String) } });
    await signInAs(null);
    expect((await get("")).status).toBe(401);
  });
});
