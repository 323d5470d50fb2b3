import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "@/lib/db/testing/test-databases";
import type { DbHandle } from "@/lib/db/client";
import { openAppStack, type AppStack } from "@/lib/testing/app-stack";
import { createCompany } from "@/lib/codat/companies";
import { createSage50Connection, unlinkConnection } from "@/lib/codat/connections";
import { findCompanyByCodatId } from "@/lib/db/queries/companies";
import { listCompanyEvents } from "@/lib/db/queries/events";
import { getProgress } from "@/lib/db/queries/progress";
import { insertStaff } from "@/lib/db/queries/staff";
import { resolveSetupLink } from "@/lib/setup-links/resolve-setup-link";
import { loadWizard } from "@/lib/setup/load-wizard";
import { saveWizardStep } from "@/lib/setup/save-wizard-step";
import type { ClientActor, StaffActor } from "@/lib/auth/actor";
import { importCompany } from "./import-company";
import { importCompanies } from "./import-companies";
import { listLinkableCompanies } from "./list-linkable-companies";
import type { ForceableStatus } from "@/lib/simulator/config";

type Seeded = { companyId: string; connectionId: string };

describeEachDatabase("importing pull-only companies on $name", ({ open }) => {
  let h: DbHandle;
  let stack: AppStack;
  let staff: StaffActor;
  beforeAll(async () => {
    h = await open();
    stack = await openAppStack(h, { config: { webhooksEnabled: false } });
    const user = await insertStaff(h.db, { email: "import-tests@example.com", name: "Imogen", role: "support", passwordHash: "x" });
    staff = { type: "staff", id: user.id, role: "support", name: user.name, email: user.email };
  });
  afterAll(async () => {
    await stack?.close();
    await h?.close();
  });

  /** A company linked for pulling, its connector logged in as the everyday user (the simulator's seed API, over HTTP). */
  async function pullOnly(name: string, opts: { baseCurrency?: string } = {}): Promise<Seeded> {
    const res = await fetch(`${stack.url}/api/sim/seed-linked-company`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name, everydayUser: "SARAH", sageOpen: true, ...opts }),
    });
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as Seeded;
  }
  const noConnection = (name: string) => createCompany(stack.codat, { name });
  async function pendingConnection(name: string) {
    const company = await createCompany(stack.codat, { name });
    await createSage50Connection(stack.codat, company.id);
    return company;
  }
  const base = () => ({ actor: staff, appUrl: stack.url });

  it("imports a linked company for the upgrade flow: Linked from the start, company info read, link issued", async () => {
    const seeded = await pullOnly("Harbour Pull Ltd", { baseCurrency: "EUR" });
    const { company, setupLink } = await importCompany(h.db, stack.codat, {
      ...base(),
      codatCompanyId: seeded.companyId,
      contactEmail: "owner@harbour.example",
    });
    expect(company).toMatchObject({
      name: "Harbour Pull Ltd",
      flow: "upgrade",
      codatCompanyId: seeded.companyId,
      codatConnectionId: seeded.connectionId,
      connectionStatus: "Linked",
      reportedCompanyName: "Harbour Pull Ltd",
      baseCurrency: "EUR",
      contactEmail: "owner@harbour.example",
      createdBy: staff.id,
      pushEnabled: false,
    });
    expect(company.lastSyncAt).toBeInstanceOf(Date);
    expect(company.linkUrl).toBeTruthy();
    expect((await getProgress(h.db, company.id)).connectorLinkedAt).toBeInstanceOf(Date);

    expect(setupLink.url).toMatch(new RegExp(`^${stack.url}/s/[A-Za-z0-9_-]{20,}$`));
    expect(setupLink.shortCode).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    const resolved = await resolveSetupLink(h.db, { token: setupLink.token });
    expect(resolved.ok && resolved.link.companyId).toBe(company.id);

    const events = await listCompanyEvents(h.db, company.id);
    const imported = events.find((e) => e.type === "setup.imported");
    expect(imported).toMatchObject({ actorType: "staff", actorId: staff.id });
    expect(imported?.data).toMatchObject({ flow: "upgrade", connectionId: seeded.connectionId, companyName: "Harbour Pull Ltd", baseCurrency: "EUR" });
    expect(events.map((e) => e.type)).toContain("setup_link.issued");
  });

  it("gives the wizard an upgrade flow without the connector step, and the credentials step confirms Sage 50's name", async () => {
    const seeded = await pullOnly("Quayside Pull Ltd");
    const { company, setupLink } = await importCompany(h.db, stack.codat, { ...base(), codatCompanyId: seeded.companyId });
    const state = await loadWizard(h.db, company);
    expect(state.steps.map((s) => s.key)).toEqual(["before-start", "push-user", "credentials", "test-push", "enable-push"]);
    expect(state.current).toBe("before-start");

    const resolved = await resolveSetupLink(h.db, { token: setupLink.token });
    if (!resolved.ok) throw new Error("expected a live link");
    const client: ClientActor = { type: "client", role: "client", companyId: company.id, linkId: resolved.link.id };
    await saveWizardStep(h.db, { company, actor: client, step: "before-start", input: {} });
    await saveWizardStep(h.db, {
      company,
      actor: client,
      step: "push-user",
      input: { pushUsername: "Acme Push", everydayUsernames: ["SARAH"] },
    });
    const after = await saveWizardStep(h.db, {
      company,
      actor: client,
      step: "credentials",
      input: { pushUserEntered: true, companyConfirmed: true },
    });
    expect(after.progress.confirmedCompanyName).toBe("Quayside Pull Ltd");
    expect(after.current).toBe("test-push");
  });

  it("refuses an unknown Codat company (404) and creates nothing", async () => {
    const id = randomUUID();
    await expect(importCompany(h.db, stack.codat, { ...base(), codatCompanyId: id })).rejects.toMatchObject({
      code: "import_not_found",
      status: 404,
      message: expect.stringContaining(id) as unknown,
    });
    expect(await findCompanyByCodatId(h.db, id)).toBeNull();
  });

  it("refuses a company without a Sage 50 connection (422)", async () => {
    const codat = await noConnection("No Sage Ltd");
    await expect(importCompany(h.db, stack.codat, { ...base(), codatCompanyId: codat.id })).rejects.toMatchObject({
      code: "import_no_sage50",
      status: 422,
      message: expect.stringContaining("No Sage Ltd has no Sage 50 connection") as unknown,
    });
    expect(await findCompanyByCodatId(h.db, codat.id)).toBeNull();
  });

  it("refuses a Sage 50 connection that is not Linked (422), pointing to a new setup", async () => {
    const pending = await pendingConnection("Pending Link Ltd");
    await expect(importCompany(h.db, stack.codat, { ...base(), codatCompanyId: pending.id })).rejects.toMatchObject({
      code: "import_not_linked",
      status: 422,
      message: expect.stringMatching(/not linked \(Waiting for connector\).*new setup/) as unknown,
    });
    const unlinked = await pullOnly("Unlinked Pull Ltd");
    await unlinkConnection(stack.codat, unlinked.companyId, unlinked.connectionId);
    await expect(importCompany(h.db, stack.codat, { ...base(), codatCompanyId: unlinked.companyId })).rejects.toMatchObject({
      code: "import_not_linked",
      details: { connectionStatus: "Unlinked" },
    });
    expect(await findCompanyByCodatId(h.db, pending.id)).toBeNull();
    expect(await findCompanyByCodatId(h.db, unlinked.companyId)).toBeNull();
  });

  it("refuses a company already set up here (409), naming it, also when two imports race", async () => {
    const seeded = await pullOnly("Twice Pull Ltd");
    const first = await importCompany(h.db, stack.codat, { ...base(), codatCompanyId: seeded.companyId });
    await expect(importCompany(h.db, stack.codat, { ...base(), codatCompanyId: seeded.companyId.toUpperCase() })).rejects.toMatchObject({
      code: "import_duplicate",
      status: 409,
      message: expect.stringContaining("Twice Pull Ltd is already set up here") as unknown,
      details: { companyId: first.company.id, name: "Twice Pull Ltd" },
    });

    const racing = await pullOnly("Race Pull Ltd");
    const outcomes = await Promise.allSettled([
      importCompany(h.db, stack.codat, { ...base(), codatCompanyId: racing.companyId }),
      importCompany(h.db, stack.codat, { ...base(), codatCompanyId: racing.companyId }),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const refused = outcomes.find((o) => o.status === "rejected");
    expect(refused?.status === "rejected" ? refused.reason : null).toMatchObject({ code: "import_duplicate" });
  });

  it("imports in bulk with one result per id, in order; refusals never fail the batch", async () => {
    const a = await pullOnly("Bulk Alpha Ltd");
    const b = await pullOnly("Bulk Beta Ltd");
    const none = await noConnection("Bulk No Sage Ltd");
    const pending = await pendingConnection("Bulk Pending Ltd");
    const already = await pullOnly("Bulk Already Ltd");
    const existing = await importCompany(h.db, stack.codat, { ...base(), codatCompanyId: already.companyId });
    const unknown = randomUUID();

    const results = await importCompanies(h.db, stack.codat, {
      ...base(),
      codatCompanyIds: [a.companyId, unknown, none.id, b.companyId, pending.id, already.companyId],
      contactEmail: "bulk@example.com",
    });
    expect(results.map((r) => r.codatCompanyId)).toEqual([a.companyId, unknown, none.id, b.companyId, pending.id, already.companyId]);
    expect(results.map((r) => (r.ok ? "ok" : r.code))).toEqual([
      "ok",
      "import_not_found",
      "import_no_sage50",
      "ok",
      "import_not_linked",
      "import_duplicate",
    ]);
    const last = results[5];
    expect(last && !last.ok ? last.existing : null).toEqual({ companyId: existing.company.id, name: "Bulk Already Ltd" });
    for (const r of results.filter((x) => x.ok)) {
      expect(r.setupLink.url).toContain("/s/");
      expect(r.company.reportedCompanyName).toMatch(/^Bulk (Alpha|Beta) Ltd$/);
      const row = await findCompanyByCodatId(h.db, r.codatCompanyId);
      expect(row).toMatchObject({ flow: "upgrade", connectionStatus: "Linked", contactEmail: "bulk@example.com" });
    }
  });

  it.each<[ForceableStatus, string]>([
    [401, "codat_auth_failed"],
    [403, "codat_auth_failed"],
    [404, "import_not_found"],
    [409, "codat_conflict"],
    [429, "rate_limited"],
    [503, "codat_unavailable"],
  ])("refuses a company by what Codat's %s means (%s), creating nothing; no 4xx is called an outage", async (status, code) => {
    const seeded = await pullOnly(`Refused ${status} Pull Ltd`);
    await stack.setConfig({ failNext: { status, count: 10 } });
    try {
      const [result] = await importCompanies(h.db, stack.codat, { ...base(), codatCompanyIds: [seeded.companyId] });
      expect(result).toMatchObject({ codatCompanyId: seeded.companyId, ok: false, code });
      if (status < 500 && result && !result.ok) expect(result.message).not.toMatch(/not answering|did not answer|unavailable|outage/i);
    } finally {
      await stack.setConfig({ failNext: null });
    }
    expect(await findCompanyByCodatId(h.db, seeded.companyId)).toBeNull();
  });

  it("says Codat is unavailable per company when it does not answer, creating nothing", async () => {
    const seeded = await pullOnly("Outage Pull Ltd");
    await stack.setConfig({ errorRate5xx: 1 });
    try {
      const results = await importCompanies(h.db, stack.codat, { ...base(), codatCompanyIds: [seeded.companyId] });
      expect(results).toEqual([
        expect.objectContaining({ codatCompanyId: seeded.companyId, ok: false, code: "codat_unavailable" }),
      ]);
    } finally {
      await stack.setConfig({ errorRate5xx: 0 });
    }
    expect(await findCompanyByCodatId(h.db, seeded.companyId)).toBeNull();
  });

  it("lists Codat's companies page by page, each marked ready, already set up, not linked or without Sage 50", async () => {
    const ready = await pullOnly("Listing Ready Ltd");
    const done = await pullOnly("Listing Done Ltd");
    const ours = await importCompany(h.db, stack.codat, { ...base(), codatCompanyId: done.companyId });
    const pending = await pendingConnection("Listing Pending Ltd");
    const none = await noConnection("Listing None Ltd");

    const all = await listLinkableCompanies(h.db, stack.codat, { page: 1, pageSize: 10, query: "Listing" });
    expect(all.total).toBe(4);
    const byId = new Map(all.items.map((i) => [i.codatCompanyId, i]));
    expect(byId.get(ready.companyId)).toMatchObject({ state: "ready", existing: null, sage50: { status: "Linked", connectionId: ready.connectionId } });
    expect(byId.get(ready.companyId)?.sage50?.lastSync).toBeTruthy();
    expect(byId.get(done.companyId)).toMatchObject({
      state: "already_set_up",
      existing: { companyId: ours.company.id, flow: "upgrade", pushEnabled: false },
    });
    expect(byId.get(pending.id)).toMatchObject({ state: "not_linked", sage50: { status: "PendingAuth" } });
    expect(byId.get(none.id)).toMatchObject({ state: "no_sage50", sage50: null });

    const first = await listLinkableCompanies(h.db, stack.codat, { page: 1, pageSize: 3, query: "listing" });
    const second = await listLinkableCompanies(h.db, stack.codat, { page: 2, pageSize: 3, query: "listing" });
    expect([first.items.length, first.hasNextPage, first.pages]).toEqual([3, true, 2]);
    expect([second.items.length, second.hasNextPage, second.page]).toEqual([1, false, 2]);
    expect(new Set([...first.items, ...second.items].map((i) => i.codatCompanyId)).size).toBe(4);

    const exact = await listLinkableCompanies(h.db, stack.codat, { page: 1, pageSize: 10, query: ` ${ready.companyId.toUpperCase()} ` });
    expect(exact.items.map((i) => i.name)).toEqual(["Listing Ready Ltd"]);
    const odd = await listLinkableCompanies(h.db, stack.codat, { page: 1, pageSize: 10, query: "Listing Ready && {Ltd}" });
    expect(odd.items.map((i) => i.name)).toEqual(["Listing Ready Ltd"]);
  });
});
