import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "@/lib/db/testing/test-databases";
import type { DbHandle } from "@/lib/db/client";
import type { AppStack } from "@/lib/testing/app-stack";
import { waitUntil } from "@/lib/testing/wait-until";
import { createSetup } from "@/lib/setup/create-setup";
import type { CompanyRow } from "@/lib/db/queries/companies";
import { updateProgress } from "@/lib/db/queries/progress";
import { refreshConnection } from "@/lib/setup/refresh-connection";
import type { PcState } from "@/lib/simulator/pc/pc-state";
import type { StaffActor } from "@/lib/auth/actor";
import { startTestPush } from "./start-test-push";
import { openFastTimeoutStack, staffSessionClaims } from "./testing/fast-timeout-stack";
import { getLatestTestPushView } from "./get-test-push-view";

/**
 * Multi-company mode of the simulated PC (docs/decisions/014): two companies' Sage 50 data files on one
 * Windows PC with one connector, each with its own connection, push user and saved login.
 */

let staff: StaffActor;
const staffClaims = () => staffSessionClaims(staff);

describeEachDatabase("two companies on one simulated PC on $name", ({ open }) => {
  let h: DbHandle;
  let stack: AppStack;
  beforeAll(async () => {
    h = await open();
    ({ stack, staff } = await openFastTimeoutStack(h, { email: "multi-company@example.com", name: "Mia" }));
  });
  afterAll(async () => {
    await stack?.close();
    await h?.close();
  });

  async function newCompany(name: string) {
    return (await createSetup(h.db, stack.codat, { name, contactEmail: null, actor: staff, appUrl: stack.url })).company;
  }

  async function linked(company: CompanyRow, pushUser: string) {
    await updateProgress(h.db, company.id, { pushUsername: pushUser, everydayUsernames: ["SARAH"] });
    const row = await refreshConnection(h.db, stack.codat, company, { force: true });
    expect(row.connectionStatus).toBe("Linked");
    return row;
  }

  /** Company A installs the connector; company B's data file is on A's PC and gets its connection through "Add new connection". */
  async function twoCompaniesOnOnePc(label: string) {
    const a = await newCompany(`${label} A Ltd`);
    const b = await newCompany(`${label} B Ltd`);
    await stack.sharePc(b.codatCompanyId, a.codatCompanyId);
    await stack.linkPc(a.codatCompanyId, "A Push");
    await expect(stack.act(b.codatCompanyId, { type: "installConnector", licenseKey: b.codatCompanyId })).rejects.toThrow(/Add new connection/);
    await stack.linkPc(b.codatCompanyId, "B Push", "Administrator", "addConnection");
    return { a: await linked(a, "A Push"), b: await linked(b, "B Push") };
  }

  async function pcState(codatCompanyId: string): Promise<PcState> {
    return (await (await fetch(`${stack.url}/api/sim/pc/${codatCompanyId}`)).json()) as PcState;
  }

  async function testPush(company: CompanyRow) {
    await startTestPush(h.db, stack.codat, { company, actor: staff });
    return waitUntil(
      async () => {
        await stack.tick();
        return getLatestTestPushView(h.db, stack.codat, staffClaims(), company.id);
      },
      (v) => v !== null && !["starting", "pending"].includes(v.status),
    );
  }

  it("each company passes a test push with its own data file and its own push user", async () => {
    const { a, b } = await twoCompaniesOnOnePc("Shared");
    const [stateA, stateB] = [await pcState(a.codatCompanyId), await pcState(b.codatCompanyId)];
    expect(stateA.sharedWith.map((c) => c.companyId)).toEqual([b.codatCompanyId]);
    expect(stateB.sharedWith.map((c) => c.companyId)).toEqual([a.codatCompanyId]);
    expect([stateA.connector.savedUsername, stateB.connector.savedUsername]).toEqual(["A Push", "B Push"]);
    expect(stateB.connector.installedOnPc).toBe(true);

    const [pushA, pushB] = [await testPush(a), await testPush(b)];
    expect(pushA?.status).toBe("success");
    expect(pushB?.status).toBe("success");
    // Each supplier landed in its own company's data file.
    const [afterA, afterB] = [await pcState(a.codatCompanyId), await pcState(b.codatCompanyId)];
    expect(afterA.sage.suppliers.map((s) => s.id)).toEqual([pushA?.supplierRef]);
    expect(afterB.sage.suppliers.map((s) => s.id)).toEqual([pushB?.supplierRef]);
  });

  it("a login clash on A's data file fails only A's push", async () => {
    const { a, b } = await twoCompaniesOnOnePc("Clash");
    await stack.act(a.codatCompanyId, { type: "openSage", username: "A Push", password: "Pw12345" });
    const pushA = await testPush(a);
    expect(pushA?.status).toBe("failed");
    expect(pushA?.diagnosis.code).toBe("concurrent_login");
    expect((await testPush(b))?.status).toBe("success");
  });

  it("pausing the shared connector, or switching the PC off, stops both companies' pushes", async () => {
    const { a, b } = await twoCompaniesOnOnePc("Paused");
    await stack.act(a.codatCompanyId, { type: "pauseConnector" });
    expect((await pcState(b.codatCompanyId)).connector).toMatchObject({ paused: true, available: false });
    const pausedB = await testPush(b);
    expect(pausedB?.status).toBe("timed_out");
    await stack.act(b.codatCompanyId, { type: "resumeConnector" });
    expect((await testPush(a))?.status).toBe("success");

    await stack.act(b.codatCompanyId, { type: "openSage", username: "B Push", password: "Pw12345" });
    await stack.act(b.codatCompanyId, { type: "powerOff" });
    const offA = await pcState(a.codatCompanyId);
    expect(offA.poweredOn).toBe(false);
    expect(offA.connector.available).toBe(false);
    expect((await pcState(b.codatCompanyId)).sage.loggedIn).toEqual([]);
  });

  it("refuses to move a data file that has a connection, onto its own PC, or off a PC that holds others", async () => {
    const a = await newCompany("Refusals A Ltd");
    const b = await newCompany("Refusals B Ltd");
    const c = await newCompany("Refusals C Ltd");
    await expect(stack.sharePc(a.codatCompanyId, a.codatCompanyId)).rejects.toThrow(/own PC/);
    await stack.sharePc(b.codatCompanyId, a.codatCompanyId);
    await expect(stack.sharePc(a.codatCompanyId, c.codatCompanyId)).rejects.toThrow(/Other companies/);
    await stack.act(c.codatCompanyId, { type: "installConnector", licenseKey: c.codatCompanyId });
    await expect(stack.sharePc(c.codatCompanyId, a.codatCompanyId)).rejects.toThrow(/already has a connection/);
    // Back on its own PC, B has that PC's facts again: switched on, no connector.
    await stack.act(a.codatCompanyId, { type: "powerOff" });
    expect((await pcState(b.codatCompanyId)).poweredOn).toBe(false);
    await stack.sharePc(b.codatCompanyId, null);
    expect(await pcState(b.codatCompanyId)).toMatchObject({ poweredOn: true, sharedWith: [], connector: { installedOnPc: false } });
  });

  it("uninstalling the connector removes every company's connection in it", async () => {
    const { a, b } = await twoCompaniesOnOnePc("Uninstall");
    await stack.act(a.codatCompanyId, { type: "uninstallConnector" });
    const [stateA, stateB] = [await pcState(a.codatCompanyId), await pcState(b.codatCompanyId)];
    expect([stateA.connector.state, stateB.connector.state]).toEqual(["not_installed", "not_installed"]);
    expect(stateB.connector.installedOnPc).toBe(false);
    expect(stateB.connections.map((c) => c.status)).toEqual(["Deauthorized"]);
  });
});
