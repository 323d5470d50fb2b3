import { afterAll, beforeAll, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import { describeEachDatabase, type TestDbHandle } from "@/lib/db/testing/test-databases";
import { withFailingWrite } from "@/lib/db/testing/fail-writes";
import { actorRef } from "@/lib/auth/actor";
import { createApiKey } from "@/lib/api-keys/api-keys";
import { requireApiKey, type ApiKeyCaller } from "@/lib/auth/api-key-guard";
import { insertApiKey } from "@/lib/db/queries/api-keys";
import { companies, externalIdReservations } from "@/lib/db/schema/companies";
import { idempotencyKeys } from "@/lib/db/schema/staff";
import { simCompanies } from "@/lib/simulator/schema";
import { resolveSetupLink } from "@/lib/setup-links/resolve-setup-link";
import { hashSecret } from "@/lib/setup-links/tokens";
import { AppError } from "@/lib/errors";
import { openAppStack, type AppStack } from "@/lib/testing/app-stack";
import { createApiSetupSchema } from "./api-v1-schemas";
import { createSetupByApi } from "./create-setup-by-api";
import { renewSetupLinkByApi } from "./renew-setup-link-by-api";
import { getSetupByApi } from "./read-setups-by-api";

const system = actorRef({ type: "system" });
const tokenOf = (url: string) => url.split("/s/")[1]!;

describeEachDatabase("setups by API on $name", ({ open }) => {
  let h: TestDbHandle;
  let stack: AppStack;
  let apiKey: ApiKeyCaller;
  const companyCreations: string[] = [];

  beforeAll(async () => {
    h = await open();
    stack = await openAppStack(h, {
      onCodatCall: (path, method) => {
        if (method === "POST" && /\/companies(\?|$)/.test(path)) companyCreations.push(path);
      },
    });
    const key = await createApiKey(h.db, { name: "Backend", scopes: ["read", "write"], actor: system });
    apiKey = await requireApiKey(h.db, `Bearer ${key.key}`, "write");
  });
  afterAll(async () => {
    await stack?.close();
    await h?.close();
  });

  const input = (externalId: string, extra: object = {}) => createApiSetupSchema.parse({ externalId, name: `Client ${externalId}`, ...extra });
  const create = (externalId: string, idempotencyKey: string | null = null, extra: object = {}, db = h.db) =>
    createSetupByApi(db, { apiKey, input: input(externalId, extra), idempotencyKey, codat: stack.codat });
  const reservationOf = async (externalId: string) =>
    (await h.db.select().from(externalIdReservations).where(eq(externalIdReservations.externalId, externalId)))[0] ?? null;
  const companiesWith = async (externalId: string) =>
    (await h.db.select({ n: count() }).from(companies).where(eq(companies.externalId, externalId)))[0]!.n;
  const simCompaniesNamed = async (name: string) => (await h.db.select({ n: count() }).from(simCompanies).where(eq(simCompanies.name, name)))[0]!.n;

  it("the same externalId twice gives one company and one Codat company; the second answer is 200 without a link", async () => {
    const before = companyCreations.length;
    const first = await create("ext-twice");
    const second = await create("ext-twice");
    expect([first.status, second.status]).toEqual([201, 200]);
    expect(second.body.setup.id).toBe(first.body.setup.id);
    expect(second.body.setupLink).toBeNull();
    expect(await companiesWith("ext-twice")).toBe(1);
    expect(await simCompaniesNamed("Client ext-twice")).toBe(1);
    expect(companyCreations.length - before).toBe(1);
    // The first answer's link works, and the timeline says the integrator made the setup.
    expect((await resolveSetupLink(h.db, { token: tokenOf(first.body.setupLink!.url) })).ok).toBe(true);
  });

  it("concurrent requests with one Idempotency-Key make one setup; the others are told to retry, then get the first answer", async () => {
    const key = `idem-${crypto.randomUUID()}`;
    const outcomes = await Promise.allSettled(Array.from({ length: 5 }, () => create("ext-concurrent", key)));
    const answered = outcomes.flatMap((o) => (o.status === "fulfilled" ? [o.value] : []));
    const refused = outcomes.flatMap((o) => (o.status === "rejected" ? [o.reason as unknown] : []));
    expect(answered.filter((a) => a.status === 201 && !a.replayed)).toHaveLength(1);
    for (const reason of refused) expect(reason instanceof AppError && reason.code).toBe("idempotency_key_in_use");
    expect(await companiesWith("ext-concurrent")).toBe(1);
    expect(await simCompaniesNamed("Client ext-concurrent")).toBe(1);

    const first = answered.find((a) => !a.replayed)!;
    const replay = await create("ext-concurrent", key);
    expect(replay).toEqual({ ...first, replayed: true });
    // The kept answer holds no link secret; the replayed link is the live one.
    const [row] = await h.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, key));
    expect(JSON.stringify(row!.responseBody)).not.toContain(tokenOf(first.body.setupLink!.url));
    expect((await resolveSetupLink(h.db, { token: tokenOf(replay.body.setupLink!.url) })).ok).toBe(true);
  });

  it("two concurrent requests with one externalId and no Idempotency-Key make one Codat company: one 201, the other 200 with that setup", async () => {
    // Another instance: a second pool on PostgreSQL; on PGlite (one process) the same handle.
    const other = h.openAnother ? await h.openAnother() : h;
    try {
      for (const externalId of ["ext-race-1", "ext-race-2"]) {
        const before = companyCreations.length;
        const answers = await Promise.all([create(externalId), create(externalId, null, {}, other.db)]);
        expect(answers.map((a) => a.status).sort()).toEqual([200, 201]);
        expect(answers[0]!.body.setup.id).toBe(answers[1]!.body.setup.id);
        expect(answers.filter((a) => a.body.setupLink !== null)).toHaveLength(1);
        expect(await companiesWith(externalId)).toBe(1);
        expect(await simCompaniesNamed(`Client ${externalId}`)).toBe(1);
        expect(companyCreations.length - before).toBe(1);
        expect(await reservationOf(externalId)).toBeNull();
      }
    } finally {
      if (other !== h) await other.close();
    }
  });

  it("a Codat failure releases the externalId, with nothing half-made; while held by another request, the wait ends in 409", async () => {
    await stack.setConfig({ failNext: { status: 400, count: 1 } });
    await expect(create("ext-codat-fails")).rejects.toBeDefined();
    expect(await reservationOf("ext-codat-fails")).toBeNull();
    expect(await companiesWith("ext-codat-fails")).toBe(0);
    expect((await create("ext-codat-fails")).status).toBe(201);

    // Held by a request still running (its hold has not ended): the wait gives up with 409.
    await h.db.insert(externalIdReservations).values({ externalId: "ext-held", holder: crypto.randomUUID(), heldUntil: new Date(Date.now() + 60_000) });
    const held = createSetupByApi(h.db, { apiKey, input: input("ext-held"), idempotencyKey: null, codat: stack.codat, waitMs: 300 });
    await expect(held).rejects.toMatchObject({ code: "external_id_in_use", status: 409 });
    // A hold whose request stopped is taken over once it ends.
    await h.db.update(externalIdReservations).set({ heldUntil: new Date(Date.now() - 1) }).where(eq(externalIdReservations.externalId, "ext-held"));
    expect((await create("ext-held")).status).toBe(201);
    expect(await reservationOf("ext-held")).toBeNull();
  });

  it("when our write fails after Codat made the company, the next request with that externalId reuses it", async () => {
    const before = companyCreations.length;
    const failed = withFailingWrite(h.db, { table: companies, on: "insert", when: "new.external_id = 'ext-orphan'" }, () => create("ext-orphan"));
    await expect(failed).rejects.toBeDefined();
    expect(await companiesWith("ext-orphan")).toBe(0);
    const kept = await reservationOf("ext-orphan");
    expect(kept).toMatchObject({ holder: null, codatCompanyId: expect.any(String), codatConnectionId: expect.any(String) });

    const retried = await create("ext-orphan");
    expect(retried.status).toBe(201);
    expect(retried.body.setup).toMatchObject({ codatCompanyId: kept!.codatCompanyId, externalId: "ext-orphan" });
    expect(await simCompaniesNamed("Client ext-orphan")).toBe(1);
    expect(companyCreations.length - before).toBe(1);
    expect(await reservationOf("ext-orphan")).toBeNull();
    expect((await resolveSetupLink(h.db, { token: tokenOf(retried.body.setupLink!.url) })).ok).toBe(true);
  });

  it("the same Idempotency-Key with another body is refused (422 idempotency_key_reused)", async () => {
    const key = `idem-${crypto.randomUUID()}`;
    await create("ext-reused-a", key);
    await expect(create("ext-reused-b", key)).rejects.toMatchObject({ code: "idempotency_key_reused", status: 422 });
    expect(await companiesWith("ext-reused-b")).toBe(0);
  });

  it("a request that fails releases its Idempotency-Key, so the same request can be sent again", async () => {
    const key = `idem-${crypto.randomUUID()}`;
    await stack.setConfig({ failNext: { status: 400, count: 1 } });
    await expect(create("ext-retry", key)).rejects.toBeDefined();
    expect(await companiesWith("ext-retry")).toBe(0);
    expect((await create("ext-retry", key)).status).toBe(201);
  });

  it("a claim left by a stopped process is taken over once stale; a fresh one answers 409 idempotency_key_in_use", async () => {
    const key = `idem-${crypto.randomUUID()}`;
    // A first request made the setup; its answer is then taken away, as if its process had stopped.
    await create("ext-claim-probe", key);
    await h.db.update(idempotencyKeys).set({ responseStatus: null, responseBody: null, claimedAt: new Date() }).where(eq(idempotencyKeys.key, key));
    await expect(create("ext-claim-probe", key)).rejects.toMatchObject({ code: "idempotency_key_in_use", status: 409 });
    await h.db.update(idempotencyKeys).set({ claimedAt: new Date(Date.now() - 10 * 60_000) }).where(eq(idempotencyKeys.key, key));
    // Taken over: the setup exists already (the stopped request had written it), so it is answered without a new one.
    const after = await create("ext-claim-probe", key);
    expect([after.status, after.body.setupLink]).toEqual([200, null]);
    expect(await companiesWith("ext-claim-probe")).toBe(1);
  });

  it("an upgrade brings in a Codat company linked for pulling, with the externalId", async () => {
    const res = await fetch(`${stack.url}/api/sim/seed-linked-company`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "Pulling Ltd", everydayUser: "SARAH" }),
    });
    const seeded = (await res.json()) as { companyId: string };
    const created = await create("ext-upgrade", null, { flow: "upgrade", codatCompanyId: seeded.companyId });
    expect(created.status).toBe(201);
    expect(created.body.setup).toMatchObject({ flow: "upgrade", codatCompanyId: seeded.companyId, externalId: "ext-upgrade", connectionStatus: "Linked" });
  });

  it("renewing the link stops the old one at once", async () => {
    const created = await create("ext-renew");
    const renewed = await renewSetupLinkByApi(h.db, { apiKey, id: created.body.setup.id, idempotencyKey: null });
    expect(renewed.status).toBe(201);
    expect((await resolveSetupLink(h.db, { token: tokenOf(created.body.setupLink!.url) })).ok).toBe(false);
    expect((await resolveSetupLink(h.db, { token: tokenOf(renewed.body.setupLink.url) })).ok).toBe(true);
  });

  it("unknown ids are 404", async () => {
    await expect(getSetupByApi(h.db, crypto.randomUUID())).rejects.toMatchObject({ code: "not_found", status: 404 });
    await expect(renewSetupLinkByApi(h.db, { apiKey, id: crypto.randomUUID(), idempotencyKey: null })).rejects.toMatchObject({ status: 404 });
  });

  it("a read key cannot write (403 insufficient_scope); a key made before scopes existed reads only", async () => {
    const read = await createApiKey(h.db, { name: "Reader", scopes: ["read"], actor: system });
    await expect(requireApiKey(h.db, `Bearer ${read.key}`, "write")).rejects.toMatchObject({ code: "insufficient_scope", status: 403 });
    expect((await requireApiKey(h.db, `Bearer ${read.key}`, "read")).scopes).toEqual(["read"]);

    // The column's default is what the migration gave every key made before.
    const legacy = "psk_legacykeylegacykeylegacykey";
    await h.db.execute(`insert into api_keys (name, prefix, key_hash) values ('Legacy', 'psk_lega', '${hashSecret(legacy)}')`);
    expect((await requireApiKey(h.db, `Bearer ${legacy}`, "read")).scopes).toEqual(["read"]);
    await expect(requireApiKey(h.db, `Bearer ${legacy}`, "write")).rejects.toMatchObject({ code: "insufficient_scope" });
    await expect(insertApiKey(h.db, { name: "None", scopes: [], prefix: "psk_none", keyHash: "x", createdBy: null })).rejects.toThrow();
  });
});
