import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "@/lib/db/testing/test-databases";
import { isInjectedFailure, withFailingWrite } from "@/lib/db/testing/fail-writes";
import type { DbHandle } from "@/lib/db/client";
import { createCodatClient } from "@/lib/codat/client";
import type { CodatWebhookEvent } from "@/lib/codat/webhooks";
import { getCompany } from "@/lib/db/queries/companies";
import { isWebhookHandled, listCompanyEvents } from "@/lib/db/queries/events";
import { events } from "@/lib/db/schema/events";
import { seedSetup } from "@/lib/support/testing/setup-fixtures";
import { handleCodatWebhook } from "./handle-codat-webhook";

/** A disconnection needs no call to Codat: nothing answers at this address. */
const codat = createCodatClient({ baseUrl: "http://127.0.0.1:9/codat", apiKey: "unused" });

describeEachDatabase("a Codat webhook on $name", ({ open }) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await open();
  });
  afterAll(async () => h?.close());

  it("is marked handled only with its 'received' event; a failed delivery is applied once when Codat retries it", async () => {
    const company = await seedSetup(h.db, { name: "Webhook Fail Ltd", connectionStatus: "Linked" });
    const event: CodatWebhookEvent = {
      id: `msg_${randomUUID()}`,
      generatedDate: new Date().toISOString(),
      type: "connection.disconnected",
      payload: {
        referenceCompany: { id: company.codatCompanyId },
        connection: { id: company.codatConnectionId!, status: "Deauthorized" },
      },
    };
    const failing = { table: events, on: "insert" as const, when: `new.type = 'webhook.received'` };
    await expect(withFailingWrite(h.db, failing, () => handleCodatWebhook(h.db, codat, event))).rejects.toSatisfy(isInjectedFailure);
    expect(await isWebhookHandled(h.db, event.id)).toBe(false);
    // What was applied stands (with its own event): applying again changes nothing.
    expect((await getCompany(h.db, company.id))?.connectionStatus).toBe("Deauthorized");

    expect(await handleCodatWebhook(h.db, codat, event)).toBe("handled");
    expect(await handleCodatWebhook(h.db, codat, event)).toBe("duplicate");
    const types = (await listCompanyEvents(h.db, company.id)).map((e) => e.type);
    expect(types.filter((t) => t === "connection.status_changed")).toHaveLength(1);
    expect(types.filter((t) => t === "webhook.received")).toHaveLength(1);
  });
});
