import { test, expect, expectAccessible } from "./support/fixtures";
import { createSetupAsSupport } from "./support/api";

/** The Virtual Sage 50 PC page: a person plays the client's PC, and the connection links for real. */
test("a person sets up the simulated PC by hand and the connection becomes Linked", async ({ page, request }) => {
  const setup = await createSetupAsSupport(request, "Virtual PC Ltd");
  const codatId = setup.company.codatCompanyId;
  await page.goto(`/sim/pc/${codatId}`);
  await expect(page.getByRole("heading", { name: "Simulated PC: Virtual PC Ltd" })).toBeVisible();
  await expectAccessible(page, "virtual PC, fresh");
  const status = page.getByRole("status").first();

  const newUser = page.getByRole("form", { name: "New Sage 50 user" });
  await newUser.getByLabel("Logon name").fill("Acme Push");
  await newUser.getByLabel("Password").fill("Pw12345");
  await newUser.getByRole("button", { name: "Save user" }).click();
  await expect(page.getByRole("cell", { name: "Acme Push", exact: true })).toBeVisible();

  const install = page.getByRole("form", { name: "Install the connector" });
  await install.getByLabel("License key").fill("00000000-0000-4000-8000-000000000000");
  await install.getByRole("button", { name: "Install" }).click();
  await expect(status).toContainText("Refused");
  await install.getByLabel("License key").fill(codatId);
  await install.getByRole("button", { name: "Install" }).click();

  await page.getByRole("form", { name: "Select a company data file" }).getByRole("button", { name: "Next" }).click();

  const creds = page.getByRole("form", { name: "Sage 50 credentials for the connector" });
  await creds.getByLabel("Username").fill("Acme Push");
  await creds.getByLabel("Password").fill("wrong-password");
  await creds.getByRole("button", { name: "Next" }).click();
  await expect(status).toContainText("Refused");
  await creds.getByLabel("Password").fill("Pw12345");
  await creds.getByRole("button", { name: "Next" }).click();

  const confirm = page.getByRole("form", { name: "Confirm the company" });
  await confirm.getByLabel("I confirm I want to link this company").check();
  await confirm.getByRole("button", { name: "Next" }).click();
  await expect(page.getByText("Codat: Linked")).toBeVisible();
  await expectAccessible(page, "virtual PC, linked");

  // The product sees it through the adapter (the support API reads the wizard state).
  await expect
    .poll(async () => (await (await request.get(`/api/companies/${setup.company.id}/setup`)).json()).company.connection.status)
    .toBe("Linked");
});

/** Multi-company mode: a second company's data file on a PC whose connector already runs gets "Add new connection". */
test("on a PC that already runs the connector, a second company adds a new connection", async ({ page, request }) => {
  const first = await createSetupAsSupport(request, "Shared PC First Ltd");
  const second = await createSetupAsSupport(request, "Shared PC Second Ltd");
  const [firstId, secondId] = [first.company.codatCompanyId, second.company.codatCompanyId];
  const installed = await request.post(`/api/sim/pc/${firstId}/actions`, { data: { type: "installConnector", licenseKey: firstId } });
  expect(installed.ok(), await installed.text()).toBe(true);
  const moved = await request.put(`/api/sim/pc/${secondId}/host`, { data: { hostCompanyId: firstId } });
  expect(moved.ok(), await moved.text()).toBe(true);

  await page.goto(`/sim/pc/${secondId}`);
  await expect(page.getByText(/This PC also holds the Sage 50 data file of Shared PC First Ltd/)).toBeVisible();
  const add = page.getByRole("form", { name: "Add new connection" });
  await expectAccessible(page, "virtual PC, shared, before adding a connection");
  await add.getByLabel("License key").fill(secondId);
  await add.getByRole("button", { name: "Add new connection" }).click();
  await expect(page.getByRole("form", { name: "Select a company data file" })).toBeVisible();
});
