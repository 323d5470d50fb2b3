import type { Db } from "@/lib/db/client";
import type { CodatClient } from "@/lib/codat/client";
import { listCompanies } from "@/lib/codat/companies";
import type { StaffActor } from "@/lib/auth/actor";
import { actorRef } from "@/lib/auth/actor";
import { findCompanyByName, getCompany, type CompanyRow } from "@/lib/db/queries/companies";
import { updateProgress } from "@/lib/db/queries/progress";
import { createSetup } from "@/lib/setup/create-setup";
import { refreshConnection } from "@/lib/setup/refresh-connection";
import { issueSetupLink, type IssuedSetupLink } from "@/lib/setup-links/issue-setup-link";
import { startTestPush } from "@/lib/test-push/start-test-push";
import { refreshTestPush } from "@/lib/test-push/refresh-test-push";
import { setPushEnabled } from "@/lib/test-push/set-push-enabled";
import { isTestPushRunning } from "@/lib/sage/test-push-status";
import { seedDemoHistory } from "./seed-demo-history";

type Ctx = { db: Db; codat: CodatClient; appUrl: string; secret: string; admin: StaffActor };

/** The client's PC, played through the simulator's control API (the same one the Virtual PC page uses). */
async function pc(ctx: Ctx, codatCompanyId: string, action: Record<string, unknown>) {
  const res = await fetch(`${ctx.appUrl}/api/sim/pc/${codatCompanyId}/actions`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(action),
  });
  if (!res.ok) throw new Error(`demo seed: ${String(action.type)} refused (${res.status})`);
}

async function linkedSetup(ctx: Ctx, name: string, pushUser: string): Promise<CompanyRow> {
  const { company } = await createSetup(ctx.db, ctx.codat, { name, contactEmail: "owner@example.com", actor: ctx.admin, appUrl: ctx.appUrl });
  const id = company.codatCompanyId;
  await pc(ctx, id, { type: "createSageUser", name: pushUser, userType: "Administrator", password: "Demo123" });
  await pc(ctx, id, { type: "installConnector", licenseKey: id });
  await pc(ctx, id, { type: "chooseDataFile" });
  await pc(ctx, id, { type: "saveCredentials", username: pushUser, password: "Demo123" });
  await pc(ctx, id, { type: "confirmCompany" });
  const now = new Date();
  await updateProgress(ctx.db, company.id, {
    beforeStartDoneAt: now,
    pushUsername: pushUser,
    everydayUsernames: ["MANAGER", "Sarah"],
    pushUserDoneAt: now,
  });
  const linked = await refreshConnection(ctx.db, ctx.codat, company, { force: true });
  await updateProgress(ctx.db, company.id, { companyConfirmedAt: now, confirmedCompanyName: linked.reportedCompanyName });
  return linked;
}

/** The integrator's own bill, pushed through Codat's path on the simulator (its outcome arrives by webhook). */
async function pushDemoBill(ctx: Ctx, company: CompanyRow) {
  const res = await fetch(`${ctx.appUrl}/api/sim/codat/companies/${company.codatCompanyId}/connections/${company.codatConnectionId}/push/bills`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: ctx.codat.authorizationHeader() },
    body: JSON.stringify({ issueDate: new Date().toISOString(), status: "Open", subTotal: 250, taxAmount: 50, totalAmount: 300, supplierRef: { id: "TIMBER01" } }),
  });
  if (!res.ok) throw new Error(`demo seed: bill push refused (${res.status})`);
}

async function testPushToEnd(ctx: Ctx, company: CompanyRow) {
  let row = await startTestPush(ctx.db, ctx.codat, { company, actor: ctx.admin });
  for (let i = 0; i < 60 && isTestPushRunning(row.status); i++) {
    await new Promise((r) => setTimeout(r, 500));
    row = await refreshTestPush(ctx.db, ctx.codat, row, company, { force: true });
  }
  return row;
}

/** Demo companies in different states, created once through the real adapter and the simulator. */
export async function seedDemoCompanies(ctx: Ctx): Promise<{ clientLink: IssuedSetupLink }> {
  const system = actorRef({ type: "system" });
  let northwind = await findCompanyByName(ctx.db, "Northwind Traders Ltd");
  if (!northwind) {
    northwind = (
      await createSetup(ctx.db, ctx.codat, { name: "Northwind Traders Ltd", contactEmail: "accounts@northwind.example", actor: ctx.admin, appUrl: ctx.appUrl })
    ).company;
  }
  const clientLink = await issueSetupLink(ctx.db, { companyId: northwind.id, actor: system, appUrl: ctx.appUrl, demoSecret: ctx.secret });

  if (!(await findCompanyByName(ctx.db, "Harbour Lane Ltd"))) {
    const harbour = await linkedSetup(ctx, "Harbour Lane Ltd", "Harbour Push");
    if ((await testPushToEnd(ctx, harbour)).status === "success") {
      await setPushEnabled(ctx.db, { companyId: harbour.id, actor: ctx.admin, enabled: true });
    }
  }
  if (!(await findCompanyByName(ctx.db, "Bramble & Co"))) {
    const bramble = await linkedSetup(ctx, "Bramble & Co", "Bramble Push");
    // Someone opened Sage 50 with the push user's login: the classic clash.
    await pc(ctx, bramble.codatCompanyId, { type: "openSage", username: "Bramble Push", password: "Demo123" });
    await testPushToEnd(ctx, (await getCompany(ctx.db, bramble.id)) ?? bramble);
  }
  if (!(await findCompanyByName(ctx.db, "Copperfield Joinery Ltd"))) {
    // Set up and pushing; later someone opens Sage 50 with the push user's login and the integrator's
    // next bill fails: push health goes failing, an alert opens and the push-health pass emails it.
    const copperfield = await linkedSetup(ctx, "Copperfield Joinery Ltd", "Copperfield Push");
    if ((await testPushToEnd(ctx, copperfield)).status === "success") {
      await setPushEnabled(ctx.db, { companyId: copperfield.id, actor: ctx.admin, enabled: true, foreignTraderConfirmed: true });
      await pc(ctx, copperfield.codatCompanyId, { type: "openSage", username: "Copperfield Push", password: "Demo123" });
      await pushDemoBill(ctx, copperfield);
    }
  }
  if (!(await findCompanyByName(ctx.db, "Willow Cafe"))) {
    const willow = await linkedSetup(ctx, "Willow Cafe", "Willow Push");
    await pc(ctx, willow.codatCompanyId, { type: "uninstallConnector" });
    await refreshConnection(ctx.db, ctx.codat, willow, { force: true });
  }
  if (!(await findCompanyByName(ctx.db, "Expired Link Ltd"))) {
    const { company } = await createSetup(ctx.db, ctx.codat, { name: "Expired Link Ltd", contactEmail: null, actor: ctx.admin, appUrl: ctx.appUrl });
    await issueSetupLink(ctx.db, { companyId: company.id, actor: system, appUrl: ctx.appUrl, demoSecret: ctx.secret, days: -1 });
  }
  const known = await listCompanies(ctx.codat, { page: 1, pageSize: 100 });
  if (!known.items.some((c) => c.name === "Oakfield Farm Supplies")) {
    // A company already linked for pulling, whose connector uses the everyday login: for the upgrade flow.
    await fetch(`${ctx.appUrl}/api/sim/seed-linked-company`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "Oakfield Farm Supplies", everydayUser: "SARAH", sageOpen: true }),
    });
  }
  await seedDemoHistory(ctx.db);
  return { clientLink };
}
