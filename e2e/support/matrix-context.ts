// What the route registry's sample requests point at, made once per spec run.
import { expect, type APIRequestContext } from "@playwright/test";
import { createSetup, linkSimulatedPc, openSetupLink, signInStaff, until, waitLinked } from "../../lib/security/testing/flows";
import type { MatrixContext, Role } from "./route-registry";

/**
 * Signs each role in (clients through their setup links) and creates what the samples point at:
 * companies A, B and C, company A's PC linked and a test push started, a spare staff account and
 * API key, a simulator webhook delivery.
 */
export async function prepareMatrixContext(as: (role: Role) => APIRequestContext, simulatorApiKey: string): Promise<MatrixContext> {
  await signInStaff(as("support"), "support");
  await signInStaff(as("admin"), "admin");
  const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const a = await createSetup(as("support"), `Matrix A ${tag}`);
  const b = await createSetup(as("support"), `Matrix B ${tag}`);
  const c = await createSetup(as("support"), `Matrix C ${tag}`);
  await openSetupLink(as("clientA"), a.setupLink.url);
  await openSetupLink(as("clientB"), b.setupLink.url);
  await linkSimulatedPc(as("anonymous"), a.company.codatCompanyId, "Matrix Push");
  await waitLinked(as("support"), a.company.id);
  const started = await as("support").post(`/api/companies/${a.company.id}/test-pushes`);
  expect(started.status(), await started.text()).toBe(202);
  const staff = await as("admin").post("/api/staff", { data: { name: "Matrix Spare", email: `matrix-${tag}@example.com`, role: "support" } });
  expect(staff.status(), await staff.text()).toBe(201);
  const apiKey = await as("admin").post("/api/api-keys", { data: { name: `Matrix spare ${tag}`, scopes: ["read"] } });
  expect(apiKey.status(), await apiKey.text()).toBe(201);
  const delivery = await until(
    "a simulator webhook for company A",
    async () => {
      await as("anonymous").post("/api/sim/tick");
      const res = await as("anonymous").get(`/api/sim/webhooks?companyId=${a.company.codatCompanyId}&limit=5`);
      return ((await res.json()) as { deliveries: { id: string }[] }).deliveries;
    },
    (d) => d.length > 0,
  );
  return {
    companyA: a.company,
    companyB: b.company,
    companyC: c.company,
    testPushA: ((await started.json()) as { testPush: { id: string } }).testPush.id,
    spareStaffId: ((await staff.json()) as { staff: { id: string } }).staff.id,
    spareApiKeyId: ((await apiKey.json()) as { id: string }).id,
    deliveryId: delivery[0]!.id,
    simulatorApiKey,
  };
}
