import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { and, eq, isNull } from "drizzle-orm";
import type { DbHandle } from "@/lib/db/client";
import { describeEachDatabase } from "@/lib/db/testing/test-databases";
import { events } from "@/lib/db/schema/events";
import type { SessionClaims } from "@/lib/auth/auth.config";
import { seedStaffActor } from "@/lib/support/testing/setup-fixtures";
import { loadBrand } from "@/lib/embed/brand";
import { setupLinkEmail } from "@/lib/email/templates";
import { MAX_LOGO_BYTES } from "@/lib/sage/logo-image";
import { signInAs, useTestDb } from "@/lib/testing/route-session";

// Signed-in requests and getDb's database (lib/testing/route-session.ts).
vi.mock("next/headers", async () => (await import("@/lib/testing/route-session")).nextHeadersStandIn);
vi.mock("@/lib/db/client", async (original) => (await import("@/lib/testing/route-session")).withTestDb(await original<object>()));
let handle: DbHandle;

const { POST, DELETE } = await import("./route");
const { GET: LOGO } = await import("@/app/brand/logo/[file]/route");

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, "../../../../lib/sage/testing/logos", name));

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
const noParams = { params: Promise.resolve({}) };

async function upload(bytes: Uint8Array, contentType = "image/png") {
  const res = await (POST as Handler)(new NextRequest("http://localhost/api/embed-settings/logo", { method: "POST", body: new Uint8Array(bytes), headers: { "content-type": contentType } }), noParams);
  return { status: res.status, body: (await res.json()) as { logo?: { path: string; contentType: string; width: number; height: number }; error?: { code: string; message: string } } };
}

async function fetchLogo(logoPath: string) {
  const file = logoPath.replace("/brand/logo/", "");
  return (LOGO as Handler)(new NextRequest(`http://localhost${logoPath}`), { params: Promise.resolve({ file }) });
}

const staffClaims = (s: { id: string; name: string; email: string }, role: "admin" | "support"): SessionClaims => ({
  kind: "staff",
  userId: s.id,
  role,
  sessionVersion: 1,
  name: s.name,
  email: s.email,
});

describeEachDatabase("logo upload on $name", (database) => {
  let admin: SessionClaims;
  let support: SessionClaims;
  beforeAll(async () => {
    handle = await database.open();
    useTestDb(handle.db);
    admin = staffClaims(await seedStaffActor(handle.db, "admin"), "admin");
    support = staffClaims(await seedStaffActor(handle.db, "support"), "support");
  });
  afterAll(async () => handle?.close());

  it("is for admins only: 401 signed out, 403 for support, in the usual error shape", async () => {
    await signInAs(null);
    expect((await upload(fixture("logo.png"))).status).toBe(401);
    await signInAs(support);
    const refused = await upload(fixture("logo.png"));
    expect(refused).toMatchObject({ status: 403, body: { error: { code: "forbidden" } } });
    expect((await (DELETE as Handler)(new NextRequest("http://localhost/api/embed-settings/logo", { method: "DELETE" }), noParams)).status).toBe(403);
  });

  it("judges the bytes, not the declared type: SVG 415 even as image/png, over 256 KB 413, 8×8 pixels 422", async () => {
    await signInAs(admin);
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');
    expect(await upload(svg, "image/png")).toMatchObject({ status: 415, body: { error: { code: "unsupported_media_type", message: expect.stringMatching(/PNG, JPEG or WebP/) } } });
    const big = new Uint8Array(MAX_LOGO_BYTES + 1);
    big.set(fixture("logo.png"));
    expect(await upload(big)).toMatchObject({ status: 413, body: { error: { code: "payload_too_large" } } });
    expect(await upload(fixture("tiny.png"))).toMatchObject({ status: 422, body: { error: { code: "validation_failed", message: expect.stringContaining("8×8") } } });
    expect((await loadBrand(handle.db)).logoPath, "nothing stored").toBeNull();
  });

  it("stores a WebP sent as text/plain as WebP, serves it by its hash with nosniff and a year's cache; the wizard uses it, emails show the name instead", async () => {
    await signInAs(admin);
    const bytes = fixture("logo-lossy.webp");
    const saved = await upload(bytes, "text/plain");
    expect(saved.status).toBe(200);
    expect(saved.body.logo).toMatchObject({ contentType: "image/webp", width: 48, height: 32, path: expect.stringMatching(/^\/brand\/logo\/[0-9a-f]{64}\.webp$/) });
    const logoPath = saved.body.logo!.path;

    const served = await fetchLogo(logoPath);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/webp");
    expect(served.headers.get("x-content-type-options")).toBe("nosniff");
    expect(served.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(Buffer.from(await served.arrayBuffer()).equals(bytes)).toBe(true);
    expect((await fetchLogo(logoPath.replace(".webp", ".png"))).status, "the same hash under another type").toBe(404);

    const brand = await loadBrand(handle.db);
    expect(brand.logoPath).toBe(logoPath);
    const email = setupLinkEmail({ appUrl: "https://setup.example.com", integratorName: brand.integratorName, companyName: "Logo Ltd", linkUrl: "https://setup.example.com/s/x", shortCode: "ABCD-EFGH", expiresAt: new Date(), brand });
    // Several mail clients do not show WebP: the email names the integrator instead.
    expect(email.html).not.toContain(logoPath);
    expect(email.html).toContain(`font-weight:700">${brand.integratorName}</p>`);

    const logged = await handle.db.select().from(events).where(and(eq(events.type, "brand_logo.uploaded"), isNull(events.companyId)));
    expect(logged.at(-1)?.data).toMatchObject({ contentType: "image/webp", width: 48, height: 32, bytes: bytes.byteLength });
  });

  it("a new upload replaces the old one (its address stops working); removing it goes back to the default", async () => {
    await signInAs(admin);
    const first = (await upload(fixture("logo-lossy.webp"))).body.logo!.path;
    const second = await upload(fixture("logo.jpg"));
    expect(second.body.logo).toMatchObject({ contentType: "image/jpeg", path: expect.stringMatching(/\.jpg$/) });
    expect((await fetchLogo(first)).status).toBe(404);
    expect((await fetchLogo(second.body.logo!.path)).headers.get("content-type")).toBe("image/jpeg");

    const removed = await (DELETE as Handler)(new NextRequest("http://localhost/api/embed-settings/logo", { method: "DELETE" }), noParams);
    expect(await removed.json()).toEqual({ removed: true });
    expect((await loadBrand(handle.db)).logoPath, "the default: no logo").toBeNull();
    expect((await fetchLogo(second.body.logo!.path)).status).toBe(404);
  });
});
