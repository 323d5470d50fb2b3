import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeEachDatabase } from "@/lib/db/testing/test-databases";
import type { DbHandle } from "@/lib/db/client";
import { insertCompany } from "@/lib/db/queries/companies";
import { updateSetupLinkExpiry } from "@/lib/db/testing/test-helpers";
import { actorRef } from "@/lib/auth/actor";
import { issueSetupLink } from "./issue-setup-link";
import { resolveSetupLink } from "./resolve-setup-link";
import { listCompanyEvents } from "@/lib/db/queries/events";
import { isInjectedFailure, withFailingWrite } from "@/lib/db/testing/fail-writes";
import { events } from "@/lib/db/schema/events";
import { setupLinks } from "@/lib/db/schema/companies";
import { eq } from "drizzle-orm";
import { seedStaffActor } from "@/lib/support/testing/setup-fixtures";
import { createHandoff } from "./create-handoff";

const system = actorRef({ type: "system" });

describeEachDatabase("setup links on $name", ({ open }) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await open();
  });
  afterAll(async () => h?.close());

  async function company(name: string) {
    return insertCompany(h.db, {
      name,
      flow: "new",
      codatCompanyId: crypto.randomUUID(),
      codatConnectionId: null,
      connectionStatus: null,
      linkUrl: null,
      createdBy: null,
    });
  }

  it("exchanges a token or its short code for the one company, and stores neither", async () => {
    const c = await company("Token Ltd");
    const link = await issueSetupLink(h.db, { companyId: c.id, actor: system, appUrl: "http://x" });
    expect(link.url).toBe(`http://x/s/${link.token}`);
    const byToken = await resolveSetupLink(h.db, { token: link.token });
    expect(byToken.ok && byToken.link.companyId).toBe(c.id);
    const byCode = await resolveSetupLink(h.db, { shortCode: link.shortCode.toLowerCase().replace("-", " ") });
    expect(byCode.ok && byCode.link.companyId).toBe(c.id);
    const stored = byToken.ok ? byToken.link : null;
    expect(stored?.tokenHash).not.toContain(link.token);
    expect(stored?.tokenHash).toHaveLength(64);
    const events = await listCompanyEvents(h.db, c.id);
    expect(events.map((e) => e.type)).toContain("setup_link.issued");
    expect(JSON.stringify(events)).not.toContain(link.token);
  });

  it("refuses a replaced link at once, an expired link, and an unknown one, each with its reason", async () => {
    const c = await company("Renewed Ltd");
    const first = await issueSetupLink(h.db, { companyId: c.id, actor: system, appUrl: "http://x" });
    const second = await issueSetupLink(h.db, { companyId: c.id, actor: system, appUrl: "http://x" });
    expect(await resolveSetupLink(h.db, { token: first.token })).toEqual({ ok: false, reason: "replaced" });
    expect((await resolveSetupLink(h.db, { token: second.token })).ok).toBe(true);
    const check = await resolveSetupLink(h.db, { token: second.token });
    if (!check.ok) throw new Error("expected a live link");
    await updateSetupLinkExpiry(h.db, check.link.id, new Date(Date.now() - 1000));
    expect(await resolveSetupLink(h.db, { token: second.token })).toEqual({ ok: false, reason: "expired" });
    expect(await resolveSetupLink(h.db, { token: "nope" })).toEqual({ ok: false, reason: "invalid" });
    expect(await resolveSetupLink(h.db, { shortCode: "" })).toEqual({ ok: false, reason: "invalid" });
  });

  it("derives the same demo link again from the same secret", async () => {
    const c = await company("Demo Ltd");
    const a = await issueSetupLink(h.db, { companyId: c.id, actor: system, appUrl: "http://x", demoSecret: "s".repeat(40) });
    const b = await issueSetupLink(h.db, { companyId: c.id, actor: system, appUrl: "http://x", demoSecret: "s".repeat(40) });
    expect(a.token).toBe(b.token);
    expect((await resolveSetupLink(h.db, { token: b.token })).ok).toBe(true);
  });

  describe("all or nothing", () => {
    const eventTyped = (type: string) => ({ table: events, on: "insert" as const, when: `new.type = '${type}'` });
    const linkRows = async (companyId: string) => h.db.select().from(setupLinks).where(eq(setupLinks.companyId, companyId));

    it("a renewal that cannot be logged keeps the earlier link working and stores no new one", async () => {
      const c = await company("Renew Fail Ltd");
      const first = await issueSetupLink(h.db, { companyId: c.id, actor: system, appUrl: "http://x" });
      const renew = () => issueSetupLink(h.db, { companyId: c.id, actor: system, appUrl: "http://x" });
      await expect(withFailingWrite(h.db, eventTyped("setup_link.issued"), renew)).rejects.toSatisfy(isInjectedFailure);
      expect((await resolveSetupLink(h.db, { token: first.token })).ok).toBe(true);
      expect(await linkRows(c.id)).toHaveLength(1);
    });

    it("a hand-off that cannot be logged leaves no link behind", async () => {
      const c = await company("Handoff Fail Ltd");
      const staff = await seedStaffActor(h.db, "support");
      const handoff = () => createHandoff(h.db, { companyId: c.id, actor: staff, appUrl: "http://x" });
      await expect(withFailingWrite(h.db, eventTyped("setup_link.handoff"), handoff)).rejects.toSatisfy(isInjectedFailure);
      expect(await linkRows(c.id)).toHaveLength(0);
    });
  });
});
