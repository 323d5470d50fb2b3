import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "@/lib/db/testing/test-databases";
import { isInjectedFailure, withFailingWrite } from "@/lib/db/testing/fail-writes";
import type { DbHandle } from "@/lib/db/client";
import type { StaffActor } from "@/lib/auth/actor";
import { getProgress } from "@/lib/db/queries/progress";
import { listCompanyEvents } from "@/lib/db/queries/events";
import { events } from "@/lib/db/schema/events";
import { readCompany, seedSetup, seedStaffActor } from "@/lib/support/testing/setup-fixtures";
import { setPushEnabled } from "./set-push-enabled";

describeEachDatabase("enabling push on $name", ({ open }) => {
  let h: DbHandle;
  let admin: StaffActor;
  beforeAll(async () => {
    h = await open();
    admin = await seedStaffActor(h.db, "admin");
  });
  afterAll(async () => h?.close());

  it("keeps push off, and Foreign Trader unconfirmed, when the change cannot be logged", async () => {
    const company = await seedSetup(h.db, { name: "Enable Fail Ltd", connectionStatus: "Linked", pushes: [{ status: "success", minutesAgo: 2 }] });
    const enable = () => setPushEnabled(h.db, { companyId: company.id, actor: admin, enabled: true, foreignTraderConfirmed: true });
    const failing = { table: events, on: "insert" as const, when: `new.type = 'push.enabled'` };
    await expect(withFailingWrite(h.db, failing, enable)).rejects.toSatisfy(isInjectedFailure);
    expect((await readCompany(h.db, company.id)).pushEnabled).toBe(false);
    expect((await getProgress(h.db, company.id)).foreignTraderConfirmedAt).toBeNull();
    expect((await listCompanyEvents(h.db, company.id)).map((e) => e.type)).not.toContain("foreign_trader.confirmed");

    expect((await enable()).pushEnabled).toBe(true);
  });
});
