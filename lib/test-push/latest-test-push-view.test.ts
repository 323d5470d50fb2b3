import { afterAll, beforeAll, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { describeEachDatabase } from "@/lib/db/testing/test-databases";
import type { DbHandle } from "@/lib/db/client";
import type { SessionClaims } from "@/lib/auth/auth.config";
import { insertStaff, updateStaff } from "@/lib/db/queries/staff";
import { replaceSetupLink } from "@/lib/db/queries/setup-links";
import { createCodatClient } from "@/lib/codat/client";
import { AppError } from "@/lib/errors";
import { seedSetup } from "@/lib/support/testing/setup-fixtures";
import { getLatestTestPushView } from "./get-test-push-view";

// Finished pushes only: nothing here may call Codat (the client points nowhere).
const codat = createCodatClient({ baseUrl: "http://127.0.0.1:9/none", apiKey: "unused" });

async function refusal(promise: Promise<unknown>): Promise<string> {
  const err = await promise.then(() => null, (e: unknown) => e);
  if (!(err instanceof AppError)) throw new Error(`expected a refusal, got ${String(err)}`);
  return err.code;
}

describeEachDatabase("the polled latest test push checks the session in its own query, on $name", ({ open }) => {
  let h: DbHandle;
  let companyA: string;
  let companyB: string;
  let client: SessionClaims;
  let staff: SessionClaims & { kind: "staff" };

  beforeAll(async () => {
    h = await open();
    const a = await seedSetup(h.db, { name: "Session A Ltd", connectionStatus: "Linked", pushes: [{ status: "failed", minutesAgo: 3 }], progress: { pushUsername: "A PUSH", everydayUsernames: ["SARAH"] } });
    const b = await seedSetup(h.db, { name: "Session B Ltd", connectionStatus: "Linked" });
    companyA = a.id;
    companyB = b.id;
    const link = await replaceSetupLink(h.db, { companyId: a.id, tokenHash: randomUUID(), shortCodeHash: randomUUID(), expiresAt: new Date(Date.now() + 86_400_000), createdBy: null });
    client = { kind: "client", companyId: a.id, linkId: link.id };
    const user = await insertStaff(h.db, { email: `session-${randomUUID()}@example.com`, name: "Sam", role: "support", passwordHash: "x" });
    staff = { kind: "staff", userId: user.id, role: "support", sessionVersion: 1, name: user.name, email: user.email };
  });
  afterAll(async () => {
    await h.close();
  });

  it("answers a client about its own company, and staff about any", async () => {
    const view = await getLatestTestPushView(h.db, codat, client, companyA);
    expect(view).toMatchObject({ status: "failed", diagnosis: expect.objectContaining({ code: expect.any(String) }) });
    expect((await getLatestTestPushView(h.db, codat, staff, companyA))?.id).toBe(view?.id);
    expect(await getLatestTestPushView(h.db, codat, staff, companyB)).toBeNull();
  });

  it("hides another company from a client (404), and an unknown one from everyone", async () => {
    expect(await refusal(getLatestTestPushView(h.db, codat, client, companyB))).toBe("not_found");
    expect(await refusal(getLatestTestPushView(h.db, codat, staff, randomUUID()))).toBe("not_found");
    expect(await refusal(getLatestTestPushView(h.db, codat, client, randomUUID()))).toBe("not_found");
  });

  it("refuses a session the database no longer backs (401), whatever company it asks about", async () => {
    const forged = { ...client, linkId: randomUUID() };
    const staleStaff = { ...staff, sessionVersion: 0 };
    for (const claims of [forged, staleStaff, { ...client, companyId: companyB }]) {
      expect(await refusal(getLatestTestPushView(h.db, codat, claims, companyA))).toBe("unauthorized");
      expect(await refusal(getLatestTestPushView(h.db, codat, claims, randomUUID()))).toBe("unauthorized");
    }
    expect(await refusal(getLatestTestPushView(h.db, codat, null, companyA))).toBe("unauthorized");
    await updateStaff(h.db, staff.userId, { active: false });
    expect(await refusal(getLatestTestPushView(h.db, codat, staff, companyA))).toBe("unauthorized");
    await replaceSetupLink(h.db, { companyId: companyA, tokenHash: randomUUID(), shortCodeHash: randomUUID(), expiresAt: new Date(Date.now() + 86_400_000), createdBy: null });
    expect(await refusal(getLatestTestPushView(h.db, codat, client, companyA))).toBe("unauthorized");
  });
});
