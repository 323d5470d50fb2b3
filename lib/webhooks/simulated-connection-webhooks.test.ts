import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { describeEachDatabase } from "@/lib/db/testing/test-databases";
import type { DbHandle } from "@/lib/db/client";
import { openAppStack, type AppStack } from "@/lib/testing/app-stack";
import { getCompany, type CompanyRow } from "@/lib/db/queries/companies";
import { listCompanyEvents } from "@/lib/db/queries/events";
import { insertStaff } from "@/lib/db/queries/staff";
import type { StaffActor } from "@/lib/auth/actor";

describeEachDatabase("connection webhooks sent by the simulator on $name", ({ open }) => {
  let h: DbHandle;
  let stack: AppStack;
  let staff: StaffActor;
  beforeAll(async () => {
    h = await open();
    stack = await openAppStack(h);
    const user = await insertStaff(h.db, { email: "hooks@example.com", name: "Hana", role: "support", passwordHash: "x" });
    staff = { type: "staff", id: user.id, role: "support", name: user.name, email: user.email };
  });
  afterAll(async () => {
    await stack?.close();
    await h?.close();
  });

  const linkedCompany = (name: string) => stack.linkedCompany(staff, name);

  const receivedTypes = async (company: CompanyRow) =>
    (await listCompanyEvents(h.db, company.id)).filter((e) => e.type === "webhook.received").map((e) => e.data.eventType);

  async function send(company: CompanyRow, body: Record<string, unknown>) {
    const res = await fetch(`${stack.url}/api/sim/webhooks/connection-events`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ companyId: company.codatCompanyId, ...body }),
    });
    expect(res.status).toBe(200);
  }

  it("relinking after an uninstall sends connection.reconnected, and the company is Linked again", async () => {
    const company = await linkedCompany("Reconnect Ltd");
    await stack.act(company.codatCompanyId, { type: "uninstallConnector" });
    await vi.waitFor(async () => expect((await getCompany(h.db, company.id))?.connectionStatus).toBe("Deauthorized"));
    await stack.linkPc(company.codatCompanyId, "Acme Push 2");
    await vi.waitFor(async () => expect(await receivedTypes(company)).toContain("connection.reconnected"));
    expect((await getCompany(h.db, company.id))?.connectionStatus).toBe("Linked");
  });

  it("sends created, failed and deleted on request; a stale one changes nothing", async () => {
    const company = await linkedCompany("Deleted Ltd");
    await send(company, { eventType: "connection.failed", generatedDate: new Date(Date.now() - 3_600_000).toISOString(), status: "PendingAuth" });
    await vi.waitFor(async () => expect(await receivedTypes(company)).toContain("connection.failed"));
    expect((await getCompany(h.db, company.id))?.connectionStatus).toBe("Linked");
    await send(company, { eventType: "connection.deleted" });
    await vi.waitFor(async () => expect((await getCompany(h.db, company.id))?.connectionStatus).toBe("Unlinked"));
    await send(company, { eventType: "connection.created", generatedDate: new Date(Date.now() - 3_600_000).toISOString(), status: "PendingAuth" });
    await vi.waitFor(async () => expect(await receivedTypes(company)).toContain("connection.created"));
    expect((await getCompany(h.db, company.id))?.connectionStatus).toBe("Unlinked");
  });
});
