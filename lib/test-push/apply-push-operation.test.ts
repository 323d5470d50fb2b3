import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "@/lib/db/testing/test-databases";
import type { DbHandle } from "@/lib/db/client";
import type { PushOperation } from "@/lib/codat/types";
import { getLatestTestPush } from "@/lib/db/queries/test-pushes";
import { listCompanyEvents } from "@/lib/db/queries/events";
import { seedSetup } from "@/lib/support/testing/setup-fixtures";
import { applyPushOperation, expireTestPush } from "./apply-push-operation";

function operation(status: PushOperation["status"]): PushOperation {
  return {
    key: "op-1",
    companyId: "codat-company",
    connectionId: "conn",
    dataType: "suppliers",
    status,
    statusCode: status === "Success" ? 200 : 202,
    errorMessage: null,
    requestedAt: new Date().toISOString(),
    completedAt: status === "Pending" ? null : new Date().toISOString(),
    timeoutInMinutes: 5,
    validation: { errors: [], warnings: [] },
    changes: [],
  };
}

describeEachDatabase("a push finished elsewhere first, on $name", ({ open }) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await open();
  });
  afterAll(async () => {
    await h.close();
  });

  it("hands back the stored outcome, not the running push the caller held, and records it once", async () => {
    const company = await seedSetup(h.db, { name: "Raced Ltd", connectionStatus: "Linked", pushes: [{ status: "pending", minutesAgo: 1 }] });
    const held = (await getLatestTestPush(h.db, company.id))!;
    const byWebhook = await applyPushOperation(h.db, held, operation("Success"), "webhook");
    expect(byWebhook.status).toBe("success");
    // A poller that read the push (not yet seen by Codat) before the webhook arrived applies what Codat
    // said, or a Pending answer it got earlier, or the deadline: each time it gets the finished push back.
    for (const late of [
      () => applyPushOperation(h.db, held, operation("Success"), "poll"),
      () => applyPushOperation(h.db, held, operation("Pending"), "poll"),
      () => expireTestPush(h.db, { ...held, deadlineAt: new Date(Date.now() - 1_000) }),
    ]) {
      expect(await late()).toMatchObject({ id: held.id, status: "success", completedAt: byWebhook.completedAt });
    }
    const outcomes = (await listCompanyEvents(h.db, company.id)).filter((e) => e.type.startsWith("test_push."));
    expect(outcomes.map((e) => e.type)).toEqual(["test_push.success"]);
  });
});
