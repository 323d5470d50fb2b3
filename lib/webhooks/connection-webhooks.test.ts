import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "@/lib/db/testing/test-databases";
import type { DbHandle } from "@/lib/db/client";
import { createCodatClient } from "@/lib/codat/client";
import type { CodatConnectionEventType, CodatWebhookEvent } from "@/lib/codat/webhooks";
import { getCompany, type CompanyRow } from "@/lib/db/queries/companies";
import { listCompanyEvents } from "@/lib/db/queries/events";
import type { ConnectionStatus } from "@/lib/sage/types";
import { seedSetup } from "@/lib/support/testing/setup-fixtures";
import { handleCodatWebhook } from "./handle-codat-webhook";

/** Company info on linking is not reachable here: the status is stored without it. */
const codat = createCodatClient({ baseUrl: "http://127.0.0.1:9/codat", apiKey: "unused", maxAttempts: 1 });

type ConnectionEventType = CodatConnectionEventType;

function connectionEvent(company: CompanyRow, type: ConnectionEventType, status: ConnectionStatus, generated: Date): CodatWebhookEvent {
  return {
    id: `msg_${randomUUID().replace(/-/g, "")}`,
    generatedDate: generated.toISOString(),
    type,
    payload: {
      referenceCompany: { id: company.codatCompanyId },
      connection: { id: company.codatConnectionId!, status, lastSync: "2026-01-05T10:00:00Z" },
    },
  };
}

describeEachDatabase("connection webhooks on $name", ({ open }) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await open();
  });
  afterAll(async () => h?.close());

  const statusOf = async (company: CompanyRow) => (await getCompany(h.db, company.id))?.connectionStatus;

  it.each<[ConnectionEventType, ConnectionStatus, ConnectionStatus, ConnectionStatus]>([
    ["connection.created", "PendingAuth", "PendingAuth", "PendingAuth"],
    ["connection.connected", "PendingAuth", "Linked", "Linked"],
    ["connection.disconnected", "Linked", "Deauthorized", "Deauthorized"],
    ["connection.reconnected", "Unlinked", "Linked", "Linked"],
    ["connection.failed", "PendingAuth", "PendingAuth", "PendingAuth"],
    ["connection.deleted", "Linked", "Linked", "Unlinked"],
  ])("%s from %s is applied once", async (type, before, sent, after) => {
    const company = await seedSetup(h.db, { name: `Hook ${type}`, connectionStatus: before });
    const event = connectionEvent(company, type, sent, new Date());
    expect(await handleCodatWebhook(h.db, codat, event)).toBe("handled");
    expect(await handleCodatWebhook(h.db, codat, event)).toBe("duplicate");
    expect(await statusOf(company)).toBe(after);
    const fresh = (await getCompany(h.db, company.id))!;
    expect(fresh.lastSyncAt?.toISOString()).toBe("2026-01-05T10:00:00.000Z");
    const events = await listCompanyEvents(h.db, company.id);
    expect(events.filter((e) => e.type === "webhook.received")).toHaveLength(1);
    expect(events.filter((e) => e.type === "connection.status_changed")).toHaveLength(before === after ? 0 : 1);
  });

  it("an older event delivered late does not undo a newer status", async () => {
    const company = await seedSetup(h.db, { name: "Hook Order Ltd", connectionStatus: "PendingAuth" });
    const t0 = Date.now();
    const connected = connectionEvent(company, "connection.connected", "Linked", new Date(t0 - 60_000));
    const disconnected = connectionEvent(company, "connection.disconnected", "Deauthorized", new Date(t0 - 30_000));
    const reconnected = connectionEvent(company, "connection.reconnected", "Linked", new Date(t0 - 10_000));
    // Delivered newest first: each older one is acknowledged and leaves the status alone.
    expect(await handleCodatWebhook(h.db, codat, reconnected)).toBe("handled");
    expect(await handleCodatWebhook(h.db, codat, disconnected)).toBe("handled");
    expect(await handleCodatWebhook(h.db, codat, connected)).toBe("handled");
    expect(await statusOf(company)).toBe("Linked");
    const changes = (await listCompanyEvents(h.db, company.id)).filter((e) => e.type === "connection.status_changed");
    expect(changes.map((e) => e.data.to)).toEqual(["Linked"]);
  });
});
