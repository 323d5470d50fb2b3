import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { testDatabases } from "../testing/test-databases";
import type { DbHandle } from "../client";
import { seedSetup } from "@/lib/support/testing/setup-fixtures";
import { getLatestTestPush } from "./test-pushes";
import { readLatestTestPush } from "./latest-test-push";

describe.each(testDatabases())("readLatestTestPush on $name", ({ open }) => {
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
    const read = await readLatestTestPush(h.db, company.id);
    expect(read?.company).toMatchObject({ id: company.id, name: "Latest Read Ltd" });
    expect(read?.testPush?.id).toBe((await getLatestTestPush(h.db, company.id))?.id);
    expect(read?.testPush?.status).toBe("pending");
    expect(read?.setup).toEqual({ pushUsername: "ACME PUSH", everydayUsernames: ["SARAH", "MANAGER"] });
  });

  it("has no test push for a new company, and nothing for an unknown id", async () => {
    const company = await seedSetup(h.db, { name: "No Pushes Ltd" });
    expect(await readLatestTestPush(h.db, company.id)).toMatchObject({ testPush: null, setup: { pushUsername: null, everydayUsernames: [] } });
    expect(await readLatestTestPush(h.db, randomUUID())).toBeNull();
  });
});
