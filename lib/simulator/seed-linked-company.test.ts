import { afterAll, beforeAll, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { withFailingWrite } from "@/lib/db/testing/fail-writes";
import { describeEachDatabase } from "@/lib/db/testing/test-databases";
import { simCompanies, simConnections, simPcs, simSageSessions, simSageUsers } from "./schema";
import { openSimHarness } from "./testing/sim-harness";

describeEachDatabase("seeding a linked company on $name", ({ open }) => {
  let handle: DbHandle;
  let sim: Awaited<ReturnType<typeof openSimHarness>>;
  beforeAll(async () => {
    handle = await open();
    sim = await openSimHarness({ handle });
  });
  afterAll(async () => handle?.close());

  const counts = async () => ({
    companies: (await handle.db.select().from(simCompanies)).length,
    pcs: (await handle.db.select().from(simPcs)).length,
    users: (await handle.db.select().from(simSageUsers)).length,
    connections: (await handle.db.select().from(simConnections)).length,
    sessions: (await handle.db.select().from(simSageSessions)).length,
  });

  it("writes the company, its user, connection, PC and open session together, or none of them", async () => {
    const before = await counts();
    const failed = await withFailingWrite(handle.db, { table: simSageSessions, on: "insert" }, () =>
      sim.control("POST", "/seed-linked-company", { name: "Half Made Ltd", everydayUser: "Bob", sageOpen: true }),
    );
    expect(failed.status).toBeGreaterThanOrEqual(500);
    expect(await counts()).toEqual(before);

    const seeded = await sim.control<{ companyId: string }>("POST", "/seed-linked-company", { name: "Whole Ltd", everydayUser: "Bob", sageOpen: true });
    expect(seeded.status).toBe(200);
    expect(await counts()).toEqual({
      companies: before.companies + 1,
      pcs: before.pcs + 1,
      users: before.users + 2,
      connections: before.connections + 1,
      sessions: before.sessions + 1,
    });
    expect((await sim.pcState(seeded.body.companyId)).sage.loggedIn).toEqual(["Bob"]);
  });
});
