import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openSimHarness, validSupplier, type SimHarness } from "../testing/sim-harness";
import type { PcState } from "./pc-state";

let sim: SimHarness;
beforeAll(async () => {
  sim = await openSimHarness();
});
beforeEach(async () => {
  await sim.resetConfig();
});
afterAll(async () => {
  await sim.close();
});

type Deliveries = { deliveries: { eventType: string; status: string; body: { payload: { connection?: { status: string } } } }[] };
const events = async (companyId: string) =>
  (await sim.control<Deliveries>("GET", `/webhooks?companyId=${companyId}`)).body.deliveries;

describe("the connector installer", () => {
  it("refuses a wrong license key and changes nothing", async () => {
    const { companyId } = await sim.createCompanyWithConnection();
    const before = await sim.pcState(companyId);
    const res = await sim.act(companyId, { type: "installConnector", licenseKey: "not-the-company-id" });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ error: { code: "validation_failed", details: { reason: "invalid_license_key" } } });
    expect(await sim.pcState(companyId)).toEqual(before);
  });

  it("walks the wizard to a Linked connection and tells Codat's webhook", async () => {
    const { companyId, connectionId } = await sim.createCompanyWithConnection();
    await sim.must(companyId, { type: "createSageUser", name: "Acme Push", userType: "Administrator", password: "pw1" });
    let state = await sim.must(companyId, { type: "installConnector", licenseKey: companyId });
    expect(state.connector).toMatchObject({ state: "installed", running: true, licenseKey: companyId });

    const wrongPath = await sim.act(companyId, { type: "chooseDataFile", dataPath: "C:\\PROGRAMDATA\\SAGE\\ACCOUNTS\\2022\\DEMODATA" });
    expect(wrongPath.body).toMatchObject({ error: { details: { reason: "data_file_not_found" } } });
    state = await sim.must(companyId, { type: "chooseDataFile" });
    expect(state.connector.dataPath).toBe("C:\\ProgramData\\Sage\\Accounts\\2025\\Company.000");

    const wrongPassword = await sim.act(companyId, { type: "saveCredentials", username: "Acme Push", password: "nope" });
    expect(wrongPassword.status).toBe(422);
    expect(wrongPassword.body).toMatchObject({ error: { details: { reason: "credentials_invalid" } } });
    const wrongUser = await sim.act(companyId, { type: "saveCredentials", username: "Nobody", password: "pw1" });
    expect(wrongUser.body).toMatchObject({ error: { details: { reason: "credentials_invalid" } } });
    expect((await sim.pcState(companyId)).connector.state).toBe("data_file_chosen");

    state = await sim.must(companyId, { type: "saveCredentials", username: "acme push", password: "pw1" });
    expect(state.connector).toMatchObject({ state: "credentials_saved", savedUsername: "Acme Push" });
    expect(state.connector.confirmation).toEqual({
      companyName: "Acme Trading Ltd",
      lastTransactionDate: "2025-05-31",
      sageVersion: 31,
      dataDirectory: "C:\\ProgramData\\Sage\\Accounts\\2025\\Company.000",
    });
    const pending = await sim.codat<{ status: string }>("GET", `/companies/${companyId}/connections/${connectionId}`);
    expect(pending.body.status).toBe("PendingAuth");

    state = await sim.must(companyId, { type: "confirmCompany" });
    expect(state.connector).toMatchObject({ state: "linked", available: true });
    const linked = await sim.codat<{ status: string; lastSync: string }>("GET", `/companies/${companyId}/connections/${connectionId}`);
    expect(linked.body).toMatchObject({ status: "Linked", lastSync: sim.now().toISOString() });
    expect((await events(companyId)).map((e) => e.eventType)).toEqual(["connection.connected"]);
  });

  it("does the steps in order only", async () => {
    const { companyId } = await sim.createCompanyWithConnection();
    const early = await sim.act(companyId, { type: "confirmCompany" });
    expect(early.body).toMatchObject({ error: { details: { reason: "not_installed" } } });
    await sim.must(companyId, { type: "installConnector", licenseKey: companyId });
    const skipped = await sim.act(companyId, { type: "saveCredentials", username: "MANAGER", password: "" });
    expect(skipped.body).toMatchObject({ error: { code: "conflict", details: { reason: "wrong_step" } } });
    const again = await sim.act(companyId, { type: "installConnector", licenseKey: companyId });
    expect(again.body).toMatchObject({ error: { details: { reason: "already_installed" } } });
  });

  it("needs a connection created first", async () => {
    const company = await sim.codat<{ id: string }>("POST", "/companies", { name: "No Connection Ltd" });
    const res = await sim.act(company.body.id, { type: "installConnector", licenseKey: company.body.id });
    expect(res.body).toMatchObject({ error: { details: { reason: "no_connection" } } });
  });

  it("uninstall deauthorizes a linked connection and sends connection.disconnected", async () => {
    const { companyId, connectionId } = await sim.linkedCompany();
    const state = await sim.must(companyId, { type: "uninstallConnector" });
    expect(state.connector).toMatchObject({ state: "not_installed", running: false, savedUsername: null, licenseKey: null });
    const connection = await sim.codat<{ status: string }>("GET", `/companies/${companyId}/connections/${connectionId}`);
    expect(connection.body.status).toBe("Deauthorized");
    const sent = await events(companyId);
    expect(sent[0]).toMatchObject({ eventType: "connection.disconnected", body: { payload: { connection: { status: "Deauthorized" } } } });
  });

  it("uninstall before linking leaves PendingAuth", async () => {
    const { companyId, connectionId } = await sim.createCompanyWithConnection();
    await sim.must(companyId, { type: "installConnector", licenseKey: companyId });
    await sim.must(companyId, { type: "uninstallConnector" });
    const connection = await sim.codat<{ status: string }>("GET", `/companies/${companyId}/connections/${connectionId}`);
    expect(connection.body.status).toBe("PendingAuth");
    expect(await events(companyId)).toEqual([]);
  });

  it("reinstalling after an uninstall relinks the connection", async () => {
    const { companyId, connectionId, pushUser, password } = await sim.linkedCompany();
    await sim.must(companyId, { type: "uninstallConnector" });
    await sim.must(companyId, { type: "installConnector", licenseKey: companyId });
    await sim.must(companyId, { type: "chooseDataFile" });
    await sim.must(companyId, { type: "saveCredentials", username: pushUser, password });
    await sim.must(companyId, { type: "confirmCompany" });
    const connection = await sim.codat<{ status: string }>("GET", `/companies/${companyId}/connections/${connectionId}`);
    expect(connection.body.status).toBe("Linked");
  });
});

describe("upgrade from pull-only: Manage connection", () => {
  it("a seeded company links with the everyday login, which fails pushes while Sage 50 is open, until the credentials change", async () => {
    const seeded = await sim.control<{ companyId: string; connectionId: string; everydayPassword: string }>(
      "POST",
      "/seed-linked-company",
      { name: "Bob's Burgers Ltd", everydayUser: "Bob", sageOpen: true },
    );
    expect(seeded.status).toBe(200);
    const { companyId, connectionId } = seeded.body;
    let state: PcState = await sim.pcState(companyId);
    expect(state.connector).toMatchObject({ state: "linked", running: true, savedUsername: "Bob", available: true });
    expect(state.sage.loggedIn).toEqual(["Bob"]);
    const info = await sim.codat<{ companyName: string; baseCurrency: string }>("GET", `/companies/${companyId}/data/info`);
    expect(info.body).toMatchObject({ companyName: "Bob's Burgers Ltd", baseCurrency: "GBP" });

    const first = await sim.pushSupplier(companyId, connectionId, validSupplier("UPG1"));
    sim.advance(10);
    expect((await sim.getPush(companyId, first.body.pushOperationKey)).body.status).toBe("Failed");

    await sim.must(companyId, { type: "createSageUser", name: "Acme Push", userType: "Administrator", password: "pw2" });
    const wrong = await sim.act(companyId, { type: "manageConnection", username: "Acme Push", password: "bad" });
    expect(wrong.body).toMatchObject({ error: { details: { reason: "credentials_invalid" } } });
    expect((await sim.pcState(companyId)).connector.savedUsername).toBe("Bob");
    state = await sim.must(companyId, { type: "manageConnection", username: "Acme Push", password: "pw2" });
    expect(state.connector.savedUsername).toBe("Acme Push");

    const second = await sim.pushSupplier(companyId, connectionId, validSupplier("UPG2"));
    sim.advance(10);
    expect((await sim.getPush(companyId, second.body.pushOperationKey)).body.status).toBe("Success");
  });

  it("seeds with another base currency and a Standard everyday user", async () => {
    const seeded = await sim.control<{ companyId: string }>("POST", "/seed-linked-company", {
      name: "Euro Shop",
      everydayUser: "Clerk",
      everydayUserType: "Standard",
      baseCurrency: "EUR",
    });
    const state = await sim.pcState(seeded.body.companyId);
    expect(state.sage).toMatchObject({ baseCurrency: "EUR", loggedIn: [] });
    expect(state.sage.users).toContainEqual({ name: "Clerk", userType: "Standard", hasPassword: true });
  });
});

describe("the Sage 50 application", () => {
  it("checks logins and never shows a password or hash", async () => {
    const { companyId } = await sim.createCompanyWithConnection();
    await sim.must(companyId, { type: "createSageUser", name: "Day User", userType: "Standard", password: "daypw" });
    const bad = await sim.act(companyId, { type: "openSage", username: "Day User", password: "wrong" });
    expect(bad.body).toMatchObject({ error: { details: { reason: "login_failed" } } });
    await sim.must(companyId, { type: "openSage", username: "day user", password: "daypw" });
    const twice = await sim.act(companyId, { type: "openSage", username: "Day User", password: "daypw" });
    expect(twice.body).toMatchObject({ error: { details: { reason: "login_in_use" } } });
    const raw = JSON.stringify(await sim.pcState(companyId));
    expect(raw).not.toMatch(/scrypt|daypw/);
    const noPassword = await sim.act(companyId, { type: "createSageUser", name: "Boss", userType: "Administrator" });
    expect(noPassword.body).toMatchObject({ error: { details: { reason: "password_required" } } });
  });

  it("switching the PC off closes Sage 50 and refuses PC actions until it is on again", async () => {
    const { companyId } = await sim.createCompanyWithConnection();
    await sim.must(companyId, { type: "openSage", username: "MANAGER", password: "" });
    const off = await sim.must(companyId, { type: "powerOff" });
    expect(off).toMatchObject({ poweredOn: false, sage: { loggedIn: [] } });
    const refused = await sim.act(companyId, { type: "openSage", username: "MANAGER", password: "" });
    expect(refused.body).toMatchObject({ error: { details: { reason: "pc_off" } } });
    await sim.must(companyId, { type: "powerOn" });
  });

  it("toggles Foreign Trader and sets the version", async () => {
    const { companyId } = await sim.createCompanyWithConnection();
    const state = await sim.must(companyId, { type: "setForeignTrader", enabled: true });
    expect(state.sage.foreignTrader).toBe(true);
    const v = await sim.must(companyId, { type: "setSageVersion", version: 21 });
    expect(v.sage).toMatchObject({ version: 21, supportsPush: false });
    const bad = await sim.act(companyId, { type: "setSageVersion", version: 99 });
    expect(bad.body).toMatchObject({ error: { details: { reason: "invalid_version" } } });
  });

  it("answers 404 for an unknown PC and 422 for a malformed action", async () => {
    const unknown = await sim.control("GET", "/pc/9a7b3c1e-0000-4000-8000-000000000000");
    expect(unknown.status).toBe(404);
    const { companyId } = await sim.createCompanyWithConnection();
    const malformed = await sim.act(companyId, { type: "installConnector" } as never);
    expect(malformed.status).toBe(422);
  });
});

describe("the connector's saved login after setup", () => {
  it("fails pushes once the push user's password is changed in Sage 50, until Manage connection has the new one", async () => {
    const { companyId, connectionId, pushUser } = await sim.linkedCompany();
    let state = await sim.must(companyId, { type: "changeSageUserPassword", name: pushUser, password: "Changed456" });
    expect(state.connector).toMatchObject({ state: "linked", savedUsername: pushUser, savedLoginWorks: false });
    const first = await sim.pushSupplier(companyId, connectionId, validSupplier("PWD1"));
    sim.advance(10);
    expect((await sim.getPush(companyId, first.body.pushOperationKey)).body.status).toBe("Failed");

    state = await sim.must(companyId, { type: "manageConnection", username: pushUser, password: "Changed456" });
    expect(state.connector.savedLoginWorks).toBe(true);
    const second = await sim.pushSupplier(companyId, connectionId, validSupplier("PWD2"));
    sim.advance(10);
    expect((await sim.getPush(companyId, second.body.pushOperationKey)).body.status).toBe("Success");
  });

  it("fails pushes once the push user is deleted; MANAGER cannot be deleted", async () => {
    const { companyId, connectionId, pushUser } = await sim.linkedCompany();
    const manager = await sim.act(companyId, { type: "deleteSageUser", name: "manager" });
    expect(manager.body).toMatchObject({ error: { details: { reason: "cannot_delete_manager" } } });
    const state = await sim.must(companyId, { type: "deleteSageUser", name: pushUser });
    expect(state.sage.users.map((u) => u.name)).not.toContain(pushUser);
    expect(state.connector.savedLoginWorks).toBe(false);
    const push = await sim.pushSupplier(companyId, connectionId, validSupplier("DEL1"));
    sim.advance(10);
    expect((await sim.getPush(companyId, push.body.pushOperationKey)).body.status).toBe("Failed");
  });
});

describe("pausing the connector from the tray", () => {
  it("keeps the connection Linked and pushes Pending until it is resumed", async () => {
    const { companyId, connectionId } = await sim.linkedCompany();
    let state = await sim.must(companyId, { type: "pauseConnector" });
    expect(state.connector).toMatchObject({ state: "linked", running: true, paused: true, available: false });
    const push = await sim.pushSupplier(companyId, connectionId, validSupplier("PAU1"), null);
    sim.advance(10);
    expect((await sim.getPush(companyId, push.body.pushOperationKey)).body.status).toBe("Pending");
    const connection = await sim.codat<{ status: string }>("GET", `/companies/${companyId}/connections/${connectionId}`);
    expect(connection.body.status).toBe("Linked");

    state = await sim.must(companyId, { type: "resumeConnector" });
    expect(state.connector).toMatchObject({ paused: false, available: true });
    sim.advance(10);
    expect((await sim.getPush(companyId, push.body.pushOperationKey)).body.status).toBe("Success");
  });

  it("cannot pause a connector that is not linked", async () => {
    const { companyId } = await sim.createCompanyWithConnection();
    await sim.must(companyId, { type: "installConnector", licenseKey: companyId });
    const res = await sim.act(companyId, { type: "pauseConnector" });
    expect(res.body).toMatchObject({ error: { details: { reason: "not_linked" } } });
  });
});

describe("installing without Windows administrator rights", () => {
  it("is refused with a clear message and changes nothing; an administrator can then install", async () => {
    const { companyId } = await sim.createCompanyWithConnection();
    await sim.must(companyId, { type: "setWindowsAdmin", enabled: false });
    const before = await sim.pcState(companyId);
    expect(before.windowsAdmin).toBe(false);
    const res = await sim.act(companyId, { type: "installConnector", licenseKey: companyId });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ error: { details: { reason: "needs_windows_admin" } } });
    expect(JSON.stringify(res.body)).toContain("administrator rights");
    expect(await sim.pcState(companyId)).toEqual(before);
    await sim.must(companyId, { type: "setWindowsAdmin", enabled: true });
    const state = await sim.must(companyId, { type: "installConnector", licenseKey: companyId });
    expect(state.connector.state).toBe("installed");
  });
});

describe("a firewall blocking the connector", () => {
  it("stops the company linking, and once linked keeps pushes Pending until it is allowed", async () => {
    const { companyId, connectionId } = await sim.createCompanyWithConnection();
    await sim.must(companyId, { type: "setFirewallBlocksConnector", enabled: true });
    await sim.must(companyId, { type: "createSageUser", name: "Acme Push", userType: "Administrator", password: "pw1" });
    await sim.must(companyId, { type: "installConnector", licenseKey: companyId });
    await sim.must(companyId, { type: "chooseDataFile" });
    await sim.must(companyId, { type: "saveCredentials", username: "Acme Push", password: "pw1" });
    const refused = await sim.act(companyId, { type: "confirmCompany" });
    expect(refused.body).toMatchObject({ error: { details: { reason: "codat_unreachable" } } });
    const pending = await sim.codat<{ status: string }>("GET", `/companies/${companyId}/connections/${connectionId}`);
    expect(pending.body.status).toBe("PendingAuth");

    await sim.must(companyId, { type: "setFirewallBlocksConnector", enabled: false });
    await sim.must(companyId, { type: "confirmCompany" });
    const state = await sim.must(companyId, { type: "setFirewallBlocksConnector", enabled: true });
    expect(state.connector).toMatchObject({ state: "linked", running: true, available: false });
    const push = await sim.pushSupplier(companyId, connectionId, validSupplier("FW1"), null);
    sim.advance(10);
    expect((await sim.getPush(companyId, push.body.pushOperationKey)).body.status).toBe("Pending");
    await sim.must(companyId, { type: "setFirewallBlocksConnector", enabled: false });
    sim.advance(10);
    expect((await sim.getPush(companyId, push.body.pushOperationKey)).body.status).toBe("Success");
  });
});

describe("Sage 50's processing dialog", () => {
  it("shows while the connector writes with Sage 50 open, and goes once the write is done", async () => {
    const { companyId, connectionId } = await sim.linkedCompany();
    await sim.must(companyId, { type: "createSageUser", name: "Jane", userType: "Standard", password: "pw9" });
    await sim.must(companyId, { type: "openSage", username: "Jane", password: "pw9" });
    await sim.setConfig({ processingDelayMs: 5_000 });
    const push = await sim.pushSupplier(companyId, connectionId, validSupplier("DLG1"), null);
    expect((await sim.pcState(companyId)).sage.processingDialog).toBe(true);
    sim.advance(10_000);
    expect((await sim.getPush(companyId, push.body.pushOperationKey)).body.status).toBe("Success");
    expect((await sim.pcState(companyId)).sage.processingDialog).toBe(false);
  });
});

describe("one-time sync mode", () => {
  it("links, then the connector removes itself and the connection is Deauthorized", async () => {
    const { companyId, connectionId } = await sim.createCompanyWithConnection();
    await sim.must(companyId, { type: "setOneTimeSync", enabled: true });
    await sim.must(companyId, { type: "createSageUser", name: "Acme Push", userType: "Administrator", password: "pw1" });
    await sim.must(companyId, { type: "installConnector", licenseKey: companyId });
    await sim.must(companyId, { type: "chooseDataFile" });
    await sim.must(companyId, { type: "saveCredentials", username: "Acme Push", password: "pw1" });
    const state = await sim.must(companyId, { type: "confirmCompany" });
    expect(state.oneTimeSync).toBe(true);
    expect(state.connector.state).toBe("not_installed");
    const connection = await sim.codat<{ status: string }>("GET", `/companies/${companyId}/connections/${connectionId}`);
    expect(connection.body.status).toBe("Deauthorized");
    // The removal is dated after the link, so an app that keeps the latest statement ends Deauthorized whichever arrives first.
    const { body } = await sim.control<{ deliveries: { eventType: string; body: { generatedDate: string } }[] }>("GET", `/webhooks?companyId=${companyId}`);
    const dated = (type: string) => Date.parse(body.deliveries.find((d) => d.eventType === type)?.body.generatedDate ?? "");
    expect(dated("connection.disconnected")).toBeGreaterThan(dated("connection.connected"));
  });
});
