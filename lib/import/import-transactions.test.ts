import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "@/lib/db/testing/test-databases";
import { isInjectedFailure, withFailingWrite } from "@/lib/db/testing/fail-writes";
import type { DbHandle } from "@/lib/db/client";
import type { StaffActor } from "@/lib/auth/actor";
import { openAppStack, type AppStack } from "@/lib/testing/app-stack";
import { findCompanyByCodatId } from "@/lib/db/queries/companies";
import { listCompanyEvents } from "@/lib/db/queries/events";
import { events } from "@/lib/db/schema/events";
import { seedStaffActor } from "@/lib/support/testing/setup-fixtures";
import { importCompany } from "./import-company";
import { importCompanies } from "./import-companies";

/** An import that fails at its last write leaves no half-imported company, so trying again works. */
describeEachDatabase("imports are all or nothing on $name", ({ open }) => {
  let h: DbHandle;
  let stack: AppStack;
  let staff: StaffActor;
  beforeAll(async () => {
    h = await open();
    stack = await openAppStack(h, { config: { webhooksEnabled: false } });
    staff = await seedStaffActor(h.db, "support");
  });
  afterAll(async () => {
    await stack?.close();
    await h?.close();
  });

  async function pullOnly(name: string): Promise<string> {
    const res = await fetch(`${stack.url}/api/sim/seed-linked-company`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name, everydayUser: "SARAH", sageOpen: true }),
    });
    expect(res.status, await res.clone().text()).toBe(200);
    return ((await res.json()) as { companyId: string }).companyId;
  }
  const failingLink = { table: events, on: "insert" as const, when: `new.type = 'setup_link.issued'` };
  const base = () => ({ actor: staff, appUrl: stack.url });

  it("a failed import stores nothing, and the same company imports on the next try", async () => {
    const codatCompanyId = await pullOnly("Half Imported Ltd");
    const run = () => importCompany(h.db, stack.codat, { ...base(), codatCompanyId });
    await expect(withFailingWrite(h.db, failingLink, run)).rejects.toSatisfy(isInjectedFailure);
    expect(await findCompanyByCodatId(h.db, codatCompanyId)).toBeNull();

    const { company } = await run();
    expect(company.reportedCompanyName).toBe("Half Imported Ltd");
    expect((await listCompanyEvents(h.db, company.id)).map((e) => e.type).sort()).toEqual(["setup.imported", "setup_link.issued"]);
  });

  it("in a bulk import, the company that failed is refused and left out; the others are imported whole", async () => {
    const ids = [await pullOnly("Bulk One Ltd"), await pullOnly("Bulk Two Ltd")];
    const failOne = { ...failingLink, when: `new.type = 'setup.imported' and new.data->>'codatCompanyId' = '${ids[0]}'` };
    const results = await withFailingWrite(h.db, failOne, () => importCompanies(h.db, stack.codat, { ...base(), codatCompanyIds: ids }));
    expect(results.map((r) => (r.ok ? "ok" : r.code))).toEqual(["internal", "ok"]);
    expect(await findCompanyByCodatId(h.db, ids[0]!)).toBeNull();
    expect(await findCompanyByCodatId(h.db, ids[1]!)).not.toBeNull();
  });
});
