import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { listCompanyConnections } from "../companies";
import { toCodatConnection, toCompanyReference } from "../codat-api/codat-shapes";
import { afterWebhooksQueued, type SimContext } from "../context";
import { simConnections } from "../schema";
import { enqueueWebhooks, getWebhookSettings } from "../webhooks/webhook-delivery";
import { connectionEvent } from "../webhooks/webhook-events";
import { SimPcError } from "./pc-errors";
import { CONNECTOR_STEP_FROM, isLicenseKeyValid, pickConnectionToLink, sameDataPath } from "./pc-rules";
import { checkSageLogin, loadPc, requirePcOn, savePc, type PcRow } from "./pc-store";

/** The Codat Sage 50 connector on the simulated PC: the installer wizard and the tray menu. */

function requireRunning(pc: PcRow): void {
  requirePcOn(pc);
  if (pc.connectorState === "not_installed") {
    throw pc.connectorOnMachine
      ? new SimPcError("not_installed", "This company has no connection in the connector yet. Use Add new connection with its license key first.")
      : new SimPcError("not_installed", "The connector is not installed. Run the installer with the license key first.");
  }
  if (!pc.connectorRunning) {
    throw new SimPcError("connector_stopped", "The connector is not running. Start it from the tray icon first.");
  }
}

function requireStep(pc: PcRow, step: keyof typeof CONNECTOR_STEP_FROM): void {
  requireRunning(pc);
  if (!CONNECTOR_STEP_FROM[step].includes(pc.connectorState)) {
    throw new SimPcError("wrong_step", `The connector cannot do that now: it is at the "${pc.connectorState}" step.`);
  }
}

/** Step 2: the license key is the Codat company id. A wrong key changes nothing. */
export async function installConnector(ctx: SimContext, companyId: string, input: { licenseKey: string }): Promise<string> {
  const { pc } = await loadPc(ctx.db, companyId);
  requirePcOn(pc);
  if (pc.connectorOnMachine) {
    throw new SimPcError(
      "already_installed",
      "The connector is already installed on this PC. Open it and use Add new connection with this license key.",
    );
  }
  if (!pc.windowsAdmin) {
    throw new SimPcError(
      "needs_windows_admin",
      "The installer needs Windows administrator rights. Sign in to Windows as an administrator, or ask whoever looks after this PC to run the installer, then try again.",
    );
  }
  await requireWaitingConnection(ctx, companyId, input.licenseKey);
  await savePc(ctx.db, pc, { connectorState: "installed", connectorRunning: true, connectorDataPath: null }, ctx.now);
  return "The connector is installed and running. Next: select the company data file.";
}

async function requireWaitingConnection(ctx: SimContext, companyId: string, licenseKey: string): Promise<void> {
  if (!isLicenseKeyValid(licenseKey, companyId)) {
    throw new SimPcError(
      "invalid_license_key",
      "The license key is not valid. Copy the license key shown with the download and try again.",
    );
  }
  const connections = await listCompanyConnections(ctx.db, companyId);
  if (connections.length === 0) {
    throw new SimPcError("no_connection", "This license key has no Sage 50 connection waiting for it yet.");
  }
}

/**
 * Multi-company mode: on a PC whose connector already serves another company, "Add new connection"
 * with this company's license key gives it its own connection (data file, saved login) in the same connector.
 */
export async function addConnection(ctx: SimContext, companyId: string, input: { licenseKey: string }): Promise<string> {
  const { pc } = await loadPc(ctx.db, companyId);
  requirePcOn(pc);
  if (!pc.connectorOnMachine) {
    throw new SimPcError("not_installed", "The connector is not installed on this PC. Run the installer with the license key first.");
  }
  if (!pc.connectorRunning) {
    throw new SimPcError("connector_stopped", "The connector is not running. Start it from the tray icon first.");
  }
  if (pc.connectorState !== "not_installed") {
    throw new SimPcError("already_installed", "This company already has a connection in the connector.");
  }
  await requireWaitingConnection(ctx, companyId, input.licenseKey);
  await savePc(ctx.db, pc, { connectorState: "installed", connectorDataPath: null }, ctx.now);
  return "New connection added. Next: select the company data file.";
}

/** Step 4: the path is filled in by itself; a typed path must be where the data file is. */
export async function chooseDataFile(ctx: SimContext, companyId: string, input: { dataPath?: string }): Promise<string> {
  const { pc } = await loadPc(ctx.db, companyId);
  requireStep(pc, "chooseDataFile");
  const path = input.dataPath?.trim() || pc.dataPath;
  if (!sameDataPath(path, pc.dataPath)) {
    throw new SimPcError(
      "data_file_not_found",
      `No Sage 50 company data was found at ${path}. Copy the data directory from Sage 50 (Help > About).`,
    );
  }
  await savePc(ctx.db, pc, { connectorState: "data_file_chosen", connectorDataPath: pc.dataPath }, ctx.now);
  return `Data file selected: ${pc.dataPath}.`;
}

/** Step 5: the username and password must be a Sage 50 user's. */
export async function saveConnectorCredentials(
  ctx: SimContext,
  companyId: string,
  input: { username: string; password: string },
): Promise<string> {
  const { pc } = await loadPc(ctx.db, companyId);
  requireStep(pc, "saveCredentials");
  const user = await checkSageLogin(ctx.db, companyId, input.username, input.password);
  if (!user) throw new SimPcError("credentials_invalid", "Sage 50 did not accept that username and password.");
  await savePc(
    ctx.db,
    pc,
    { connectorState: "credentials_saved", savedUsername: user.name, savedPasswordHash: user.passwordHash },
    ctx.now,
  );
  return "Credentials accepted. Confirm that this is the right company.";
}

/** Step 6: confirming links the connection and starts the first sync. */
export async function confirmCompany(ctx: SimContext, companyId: string): Promise<string> {
  const { company, pc } = await loadPc(ctx.db, companyId);
  requireStep(pc, "confirmCompany");
  if (pc.firewallBlocksConnector) {
    throw new SimPcError(
      "codat_unreachable",
      "The connector could not reach Codat, so the company was not linked. Check the internet connection and that the firewall lets the connector out (HTTPS, port 443).",
    );
  }
  const connection = pickConnectionToLink(await listCompanyConnections(ctx.db, companyId));
  if (!connection) throw new SimPcError("no_connection", "There is no Sage 50 connection to link for this company.");
  const settings = await getWebhookSettings(ctx.db, ctx.env);
  await ctx.db.transaction(async (tx) => {
    await savePc(tx, pc, { connectorState: "linked" }, ctx.now);
    const [linked] = await tx
      .update(simConnections)
      .set({ status: "Linked", lastSync: ctx.now })
      .where(eq(simConnections.id, connection.id))
      .returning();
    if (linked && connection.status !== "Linked") {
      const event = connectionEvent({
        eventId: randomUUID(),
        // Linking again a connection that had been unlinked or deauthorized is a reconnection.
        eventType: connection.status === "PendingAuth" ? "connection.connected" : "connection.reconnected",
        generatedDate: ctx.now,
        company: { ...toCompanyReference(company, ctx.env.appUrl), id: company.id },
        connection: toCodatConnection(linked, ctx.env.appUrl),
      });
      await enqueueWebhooks(tx, [event], settings, ctx.now);
    }
  });
  afterWebhooksQueued(ctx);
  if (pc.oneTimeSync) {
    // One-time sync mode: after its sync the connector removes itself, which ends the connection as an uninstall does.
    // A moment later, so that its connection.disconnected is dated after the connection.connected above
    // (the app keeps the latest statement, whichever webhook arrives first).
    await uninstallConnector({ ...ctx, now: new Date(ctx.now.getTime() + 1) }, companyId);
    return `${pc.sageCompanyName} was synced once. The connector removed itself from this PC (one-time sync mode), and the connection is deauthorized.`;
  }
  return `${pc.sageCompanyName} is linked. The first sync has started.`;
}

export async function setConnectorRunning(ctx: SimContext, companyId: string, input: { running: boolean }): Promise<string> {
  const { pc } = await loadPc(ctx.db, companyId);
  requirePcOn(pc);
  if (!pc.connectorOnMachine) throw new SimPcError("not_installed", "The connector is not installed.");
  await savePc(ctx.db, pc, { connectorRunning: input.running }, ctx.now);
  return input.running ? "The connector is running." : "The connector is stopped.";
}

/**
 * Uninstalling removes the connector from the PC, so every company's connection in it: a linked one is
 * deauthorized; before linking it stays PendingAuth.
 */
export async function uninstallConnector(ctx: SimContext, companyId: string): Promise<string> {
  const { pc } = await loadPc(ctx.db, companyId);
  requirePcOn(pc);
  if (!pc.connectorOnMachine) throw new SimPcError("not_installed", "The connector is not installed.");
  const settings = await getWebhookSettings(ctx.db, ctx.env);
  let deauthorized = 0;
  await ctx.db.transaction(async (tx) => {
    for (const id of pc.machineCompanyIds) {
      const { company, pc: each } = await loadPc(tx, id);
      await savePc(
        tx,
        each,
        {
          connectorState: "not_installed",
          connectorRunning: false,
          connectorPaused: false,
          connectorDataPath: null,
          savedUsername: null,
          savedPasswordHash: null,
        },
        ctx.now,
      );
      if (each.connectorState !== "linked") continue;
      const rows = await tx
        .update(simConnections)
        .set({ status: "Deauthorized" })
        .where(and(eq(simConnections.companyId, id), eq(simConnections.status, "Linked")))
        .returning();
      deauthorized += rows.length;
      const reference = { ...toCompanyReference(company, ctx.env.appUrl), id: company.id };
      const events = rows.map((row) =>
        connectionEvent({
          eventId: randomUUID(),
          eventType: "connection.disconnected",
          generatedDate: ctx.now,
          company: reference,
          connection: toCodatConnection(row, ctx.env.appUrl),
        }),
      );
      await enqueueWebhooks(tx, events, settings, ctx.now);
    }
  });
  if (deauthorized > 0) afterWebhooksQueued(ctx);
  return deauthorized > 0 ? "The connector is uninstalled and the connection is deauthorized." : "The connector is uninstalled.";
}

/** Tray menu > Manage connection: replace the saved username and password (checked by Sage 50). */
export async function manageConnection(
  ctx: SimContext,
  companyId: string,
  input: { username: string; password: string },
): Promise<string> {
  const { pc } = await loadPc(ctx.db, companyId);
  requireRunning(pc);
  if (pc.connectorState !== "linked") throw new SimPcError("not_linked", "The connector has no linked company to manage yet.");
  const user = await checkSageLogin(ctx.db, companyId, input.username, input.password);
  if (!user) throw new SimPcError("credentials_invalid", "Sage 50 did not accept that username and password.");
  await savePc(ctx.db, pc, { savedUsername: user.name, savedPasswordHash: user.passwordHash }, ctx.now);
  return `The connector now logs in to Sage 50 as ${user.name}.`;
}

/** Tray menu > Pause / Resume: a paused connector stays running and linked but takes no work. */
export async function setConnectorPaused(ctx: SimContext, companyId: string, input: { paused: boolean }): Promise<string> {
  const { pc } = await loadPc(ctx.db, companyId);
  requireRunning(pc);
  if (pc.connectorState !== "linked") throw new SimPcError("not_linked", "The connector has no linked company to pause yet.");
  await savePc(ctx.db, pc, { connectorPaused: input.paused }, ctx.now);
  return input.paused
    ? "The connector is paused: it takes no work until it is resumed."
    : "The connector is resumed and takes work again.";
}
