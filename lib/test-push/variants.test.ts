import { afterAll, afterEach, beforeAll, expect, it, vi } from "vitest";
import { describeEachDatabase } from "@/lib/db/testing/test-databases";
import type { DbHandle } from "@/lib/db/client";
import type { AppStack } from "@/lib/testing/app-stack";
import { createSetup } from "@/lib/setup/create-setup";
import { getCompany, type CompanyRow } from "@/lib/db/queries/companies";
import { updateProgress } from "@/lib/db/queries/progress";
import { refreshConnection } from "@/lib/setup/refresh-connection";
import { loadWizard } from "@/lib/setup/load-wizard";
import { toWizardView } from "@/lib/setup/wizard-view";
import { importCompany } from "@/lib/import/import-company";
import { DEFAULT_SIM_VARIANTS, type SimVariants } from "@/lib/simulator/config";
import type { Diagnosis } from "@/lib/sage/diagnosis-codes";
import type { StaffActor } from "@/lib/auth/actor";
import { startTestPush } from "./start-test-push";
import { openFastTimeoutStack, staffSessionClaims } from "./testing/fast-timeout-stack";
import { getLatestTestPushView } from "./get-test-push-view";
import type { TestPushView } from "./test-push-view";

/**
 * The wizard's advice under every way the simulator plays the connector's assumed behaviours
 * (lib/sage/assumed-connector-behaviour.ts): with the push user open in Sage 50, the client is told to
 * close it, whether the push fails or times out, and whatever the connector's message says.
 */

let staff: StaffActor;
const staffClaims = () => staffSessionClaims(staff);

const VARIANTS: SimVariants[] = [
  { concurrentLogin: "failed", connectorMessages: "documented" },
  { concurrentLogin: "failed", connectorMessages: "unfamiliar" },
  { concurrentLogin: "pending", connectorMessages: "documented" },
  { concurrentLogin: "pending", connectorMessages: "unfamiliar" },
];

/** The login clash is first or second among the ranked causes, with its three ways out. */
function expectLoginClashAdvice(diagnosis: Diagnosis) {
  const ranked = [diagnosis.code, ...diagnosis.candidates.map((c) => c.code)];
  expect(ranked.slice(0, 2), JSON.stringify(ranked)).toContain("concurrent_login");
  const steps = diagnosis.code === "concurrent_login" ? diagnosis.clientSteps : diagnosis.candidates.find((c) => c.code === "concurrent_login")!.fix;
  const text = steps.join("\n");
  expect(text).toMatch(/close Sage 50 wherever someone is logged in/i);
  expect(text).toMatch(/Manage connection/);
  expect(text).toMatch(/different login/i);
}

describeEachDatabase("the wizard's advice under each simulator variant on $name", ({ open }) => {
  let h: DbHandle;
  let stack: AppStack;
  beforeAll(async () => {
    h = await open();
    ({ stack, staff } = await openFastTimeoutStack(h, { email: "variant-tests@example.com", name: "Vera" }));
  });
  afterEach(async () => {
    await stack.setConfig({ variants: DEFAULT_SIM_VARIANTS });
  });
  afterAll(async () => {
    await stack?.close();
    await h?.close();
  });

  /** Runs the simulator and reads the latest test push until it is over. */
  async function finished(company: CompanyRow) {
    return vi.waitFor(
      async () => {
        await stack.tick();
        const view = await getLatestTestPushView(h.db, stack.codat, staffClaims(), company.id);
        if (!view || ["starting", "pending"].includes(view.status)) throw new Error(`still running: ${JSON.stringify(view?.status)}`);
        return view;
      },
      { timeout: 15_000, interval: 100 },
    );
  }

  async function wizardDiagnosis(companyId: string) {
    const company = (await getCompany(h.db, companyId))!;
    const view = await toWizardView(h.db, await loadWizard(h.db, company));
    return view.latestTestPush!.diagnosis;
  }

  /** Pending: the connector never answered, so the push timed out without a message; otherwise it failed with the variant's wording. */
  function expectEnd(view: TestPushView, variants: SimVariants) {
    if (variants.concurrentLogin === "pending") {
      expect(["timed_out", "failed"]).toContain(view.status);
      expect(view.errorMessage).toBeNull();
      expect(view.diagnosis.code).toBe("connector_offline");
      return;
    }
    expect(view.status).toBe("failed");
    if (variants.connectorMessages === "unfamiliar") {
      expect(view.errorMessage).toMatch(/SDO error/);
      expect(view.diagnosis.code).toBe("unknown_failure");
    } else {
      expect(view.diagnosis.code).toBe("concurrent_login");
    }
  }

  it.each(VARIANTS)("new company, push user open in Sage 50: $concurrentLogin + $connectorMessages", async (variants) => {
    await stack.setConfig({ variants });
    const { company } = await createSetup(h.db, stack.codat, {
      name: `New ${variants.concurrentLogin} ${variants.connectorMessages} Ltd`,
      contactEmail: null,
      actor: staff,
      appUrl: stack.url,
    });
    await stack.linkPc(company.codatCompanyId, "Acme Push");
    await updateProgress(h.db, company.id, { pushUsername: "Acme Push", everydayUsernames: ["SARAH"] });
    const linked = await refreshConnection(h.db, stack.codat, company, { force: true });
    expect(linked.connectionStatus).toBe("Linked");
    await stack.act(company.codatCompanyId, { type: "openSage", username: "Acme Push", password: "Pw12345" });

    await startTestPush(h.db, stack.codat, { company: linked, actor: staff });
    const view = await finished(linked);
    expectEnd(view, variants);
    expectLoginClashAdvice(view.diagnosis);
    expectLoginClashAdvice(await wizardDiagnosis(company.id));
  });

  it.each([VARIANTS[3]!, VARIANTS[1]!])("upgrade flow, push user open in Sage 50: $concurrentLogin + $connectorMessages", async (variants) => {
    await stack.setConfig({ variants });
    const res = await fetch(`${stack.url}/api/sim/seed-linked-company`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: `Upgrade ${variants.concurrentLogin} ${variants.connectorMessages} Ltd`, everydayUser: "SARAH", sageOpen: true }),
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const seeded = (await res.json()) as { companyId: string };
    const { company } = await importCompany(h.db, stack.codat, { actor: staff, appUrl: stack.url, codatCompanyId: seeded.companyId });
    expect(company.flow).toBe("upgrade");
    // The client creates the push user, gives it to the connector, and then opens Sage 50 with it.
    await stack.act(seeded.companyId, { type: "createSageUser", name: "Acme Push", userType: "Administrator", password: "Pw12345" });
    await stack.act(seeded.companyId, { type: "manageConnection", username: "Acme Push", password: "Pw12345" });
    await stack.act(seeded.companyId, { type: "closeSage" });
    await stack.act(seeded.companyId, { type: "openSage", username: "Acme Push", password: "Pw12345" });
    await updateProgress(h.db, company.id, { pushUsername: "Acme Push", everydayUsernames: ["SARAH"] });
    const linked = await refreshConnection(h.db, stack.codat, company, { force: true });
    expect(linked.connectionStatus).toBe("Linked");

    await startTestPush(h.db, stack.codat, { company: linked, actor: staff });
    const view = await finished(linked);
    expectEnd(view, variants);
    expectLoginClashAdvice(view.diagnosis);
    expectLoginClashAdvice(await wizardDiagnosis(company.id));
  });
});
