import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "@/lib/db/testing/test-databases";
import { isInjectedFailure, withFailingWrite } from "@/lib/db/testing/fail-writes";
import type { DbHandle } from "@/lib/db/client";
import type { StaffActor } from "@/lib/auth/actor";
import { openAppStack, type AppStack } from "@/lib/testing/app-stack";
import { findCompanyByName, getCompany } from "@/lib/db/queries/companies";
import { getProgress } from "@/lib/db/queries/progress";
import { listCompanyEvents } from "@/lib/db/queries/events";
import { events } from "@/lib/db/schema/events";
import { seedStaffActor } from "@/lib/support/testing/setup-fixtures";
import { createSetup } from "./create-setup";
import { saveWizardStep } from "./save-wizard-step";
import { refreshConnection } from "./refresh-connection";

/** Each setup service fails at its last write (through the real adapter and simulator) and must leave nothing half-done. */
describeEachDatabase("setup writes are all or nothing on $name", ({ open }) => {
  let h: DbHandle;
  let stack: AppStack;
  let staff: StaffActor;
  beforeAll(async () => {
    h = await open();
    // No webhooks: only the service under test writes while a write is made to fail.
    stack = await openAppStack(h, { config: { webhooksEnabled: false } });
    staff = await seedStaffActor(h.db, "support");
  });
  afterAll(async () => {
    await stack?.close();
    await h?.close();
  });

  const eventTyped = (type: string) => ({ table: events, on: "insert" as const, when: `new.type = '${type}'` });
  const create = (name: string) => createSetup(h.db, stack.codat, { name, contactEmail: null, actor: staff, appUrl: stack.url });

  it("a new setup exists only with its event and its setup link", async () => {
    await expect(withFailingWrite(h.db, eventTyped("setup_link.issued"), () => create("Half Created Ltd"))).rejects.toSatisfy(isInjectedFailure);
    expect(await findCompanyByName(h.db, "Half Created Ltd")).toBeNull();
    const { company } = await create("Half Created Ltd");
    expect((await listCompanyEvents(h.db, company.id)).map((e) => e.type).sort()).toEqual(["setup.created", "setup_link.issued"]);
  });

  it("a wizard step's answers are kept only with their event", async () => {
    const { company } = await create("Wizard Fail Ltd");
    await saveWizardStep(h.db, { company, actor: staff, step: "before-start", input: {} });
    const before = await getProgress(h.db, company.id);
    const save = () =>
      saveWizardStep(h.db, { company, actor: staff, step: "push-user", input: { pushUsername: "Acme Push", everydayUsernames: ["SARAH"] } });
    await expect(withFailingWrite(h.db, eventTyped("wizard.push_user_saved"), save)).rejects.toSatisfy(isInjectedFailure);
    expect(await getProgress(h.db, company.id)).toEqual(before);
  });

  it("a connector that links is stored Linked only with its progress and its event", async () => {
    const { company } = await create("Linking Fail Ltd");
    await stack.linkPc(company.codatCompanyId);
    const refresh = () => refreshConnection(h.db, stack.codat, company, { force: true });
    await expect(withFailingWrite(h.db, eventTyped("connection.status_changed"), refresh)).rejects.toSatisfy(isInjectedFailure);
    expect((await getCompany(h.db, company.id))?.connectionStatus).toBe(company.connectionStatus);
    expect((await getProgress(h.db, company.id)).connectorLinkedAt).toBeNull();

    const linked = await refresh();
    expect(linked).toMatchObject({ connectionStatus: "Linked", reportedCompanyName: "Linking Fail Ltd" });
    expect((await getProgress(h.db, company.id)).connectorLinkedAt).toBeInstanceOf(Date);
    expect((await listCompanyEvents(h.db, company.id)).filter((e) => e.type === "connection.status_changed")).toHaveLength(1);
  });
});
