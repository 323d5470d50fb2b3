import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { testPushes } from "../schema/test-pushes";
import { describeEachDatabase } from "../testing/test-databases";
import type { DbHandle } from "../client";
import { seedSetup } from "@/lib/support/testing/setup-fixtures";
import { getLatestTestPush } from "./test-pushes";
import { readLatestTestPush } from "./latest-test-push";
import { readSessionRecord } from "./session-records";
import { replaceSetupLink } from "./setup-links";
import { insertStaff } from "./staff";

describeEachDatabase("readLatestTestPush on $name", ({ open }) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await open();
  });
  afterAll(async () => {
    await h.close();
  });

  it("reads the company, its newest test push and the declared usernames in one go", async () => {
    const company = await seedSetup(h.db, {
      name: "Latest Read Ltd",
      connectionStatus: "Linked",
      pushes: [
        { status: "failed", minutesAgo: 30 },
        { status: "pending", minutesAgo: 1 },
        { status: "success", minutesAgo: 10, oldConnection: true },
      ],
      progress: { pushUsername: "ACME PUSH", everydayUsernames: ["SARAH", "MANAGER"] },
    });
    // "In one go": one statement reaches the driver (PGlite's or node-postgres's client), not one per part.
    const driver = (h.db as unknown as { $client: { query: (...args: unknown[]) => unknown } }).$client;
    const sent = vi.spyOn(driver, "query");
    const read = await readLatestTestPush(h.db, company.id);
    expect(sent).toHaveBeenCalledTimes(1);
    sent.mockRestore();
    expect(read?.company).toEqual({
      id: company.id,
      codatCompanyId: company.codatCompanyId,
      codatConnectionId: company.codatConnectionId,
      connectionStatus: "Linked",
      lastSyncAt: null,
      flow: "new",
    });
    expect(read?.testPush?.status).toBe("pending");
    // Every column comes back as drizzle itself reads it: dates, jsonb, integers, nulls.
    const latest = (await getLatestTestPush(h.db, company.id))!;
    await h.db
      .update(testPushes)
      .set({ validation: { errors: [{ message: "Name is too long", itemId: null }], warnings: [] }, statusCode: 200, codatStatus: "Pending", refreshedAt: new Date("2026-01-02T03:04:05.678Z") })
      .where(eq(testPushes.id, latest.id));
    const again = await readLatestTestPush(h.db, company.id);
    expect(again?.testPush).toEqual(await getLatestTestPush(h.db, company.id));
    expect(again?.testPush?.refreshedAt).toEqual(new Date("2026-01-02T03:04:05.678Z"));
    expect(read?.setup).toEqual({ pushUsername: "ACME PUSH", everydayUsernames: ["SARAH", "MANAGER"] });
    expect(read?.session).toEqual({ user: null, link: null });
  });

  it("carries the asking session's own staff account or setup link, and no other", async () => {
    const company = await seedSetup(h.db, { name: "Session Read Ltd" });
    const other = await seedSetup(h.db, { name: "Other Read Ltd" });
    const link = await replaceSetupLink(h.db, { companyId: company.id, tokenHash: randomUUID(), shortCodeHash: randomUUID(), expiresAt: new Date(Date.now() + 60_000), createdBy: null });
    const user = await insertStaff(h.db, { email: `read-${randomUUID()}@example.com`, name: "Rae", role: "admin", passwordHash: "x" });
    const asClient = await readLatestTestPush(h.db, other.id, { linkId: link.id });
    expect(asClient?.session).toEqual({ user: null, link: { companyId: company.id, revokedAt: null, expiresAt: link.expiresAt } });
    const asStaff = await readLatestTestPush(h.db, company.id, { userId: user.id });
    expect(asStaff?.session).toEqual({ link: null, user: { id: user.id, role: "admin", name: "Rae", email: user.email, active: true, sessionVersion: 1 } });
    expect((await readLatestTestPush(h.db, company.id, { userId: randomUUID() }))?.session).toEqual({ user: null, link: null });
    expect(await readSessionRecord(h.db, { linkId: link.id })).toEqual(asClient?.session);
    expect(await readSessionRecord(h.db, { userId: user.id })).toEqual(asStaff?.session);
  });

  it("has no test push for a new company, and nothing for an unknown id", async () => {
    const company = await seedSetup(h.db, { name: "No Pushes Ltd" });
    expect(await readLatestTestPush(h.db, company.id)).toMatchObject({ testPush: null, setup: { pushUsername: null, everydayUsernames: [] } });
    expect(await readLatestTestPush(h.db, randomUUID())).toBeNull();
  });
});
