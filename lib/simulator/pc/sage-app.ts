import { and, eq } from "drizzle-orm";
import type { SimContext } from "../context";
import { hashSimPassword } from "../passwords";
import { simSageSessions, simSageUsers, simSuppliers, type SimSageUserType } from "../schema";
import { SimPcError } from "./pc-errors";
import { checkNewSageUser, SAGE_MANAGER_USER, SAGE_MAX_VERSION, SAGE_MIN_VERSION, sageUserKey } from "./pc-rules";
import { checkSageLogin, closeAllSageOnMachine, findSageUser, listSageUsers, loadPc, loggedInKeys, requirePcOn, savePc } from "./pc-store";

/** The Sage 50 application on the simulated PC, and the PC's power switch. Each returns a message. */

export async function createSageUser(
  ctx: SimContext,
  companyId: string,
  input: { name: string; userType: SimSageUserType; password: string },
): Promise<string> {
  const { pc } = await loadPc(ctx.db, companyId);
  requirePcOn(pc);
  const users = await listSageUsers(ctx.db, companyId);
  const problem = checkNewSageUser({ ...input, existingKeys: new Set(users.map((u) => u.nameKey)) });
  if (problem) throw new SimPcError(problem.reason, problem.message);
  const name = input.name.trim().replace(/\s+/g, " ");
  await ctx.db.insert(simSageUsers).values({
    companyId,
    nameKey: sageUserKey(name),
    name,
    userType: input.userType,
    passwordHash: input.password.length > 0 ? await hashSimPassword(input.password) : null,
    createdAt: ctx.now,
  });
  return `Sage 50 user ${name} (${input.userType}) created.`;
}

export async function setSageUserType(
  ctx: SimContext,
  companyId: string,
  input: { name: string; userType: SimSageUserType },
): Promise<string> {
  const { pc } = await loadPc(ctx.db, companyId);
  requirePcOn(pc);
  const user = await findSageUser(ctx.db, companyId, input.name);
  if (!user) throw new SimPcError("user_not_found", `There is no Sage 50 user called ${input.name}.`);
  if (input.userType === "Administrator" && user.passwordHash === null && user.nameKey !== sageUserKey(SAGE_MANAGER_USER)) {
    throw new SimPcError("password_required", "An Administrator must have a password: this user has none.");
  }
  await ctx.db
    .update(simSageUsers)
    .set({ userType: input.userType })
    .where(and(eq(simSageUsers.companyId, companyId), eq(simSageUsers.nameKey, user.nameKey)));
  return `${user.name} is now a ${input.userType} user.`;
}

/**
 * Settings > User Management > Users > Change password. The connector keeps the login it saved, so
 * once the connector's user has a new password the connector can no longer log in.
 */
export async function changeSageUserPassword(
  ctx: SimContext,
  companyId: string,
  input: { name: string; password: string },
): Promise<string> {
  const { pc } = await loadPc(ctx.db, companyId);
  requirePcOn(pc);
  const user = await findSageUser(ctx.db, companyId, input.name);
  if (!user) throw new SimPcError("user_not_found", `There is no Sage 50 user called ${input.name}.`);
  if (input.password.length === 0 && user.userType === "Administrator") {
    throw new SimPcError("password_required", "An Administrator must have a password.");
  }
  await ctx.db
    .update(simSageUsers)
    .set({ passwordHash: input.password.length > 0 ? await hashSimPassword(input.password) : null })
    .where(and(eq(simSageUsers.companyId, companyId), eq(simSageUsers.nameKey, user.nameKey)));
  return `The password of ${user.name} is changed.`;
}

/** Settings > User Management > Users > Delete. MANAGER cannot be deleted; the user's Sage 50 session ends. */
export async function deleteSageUser(ctx: SimContext, companyId: string, input: { name: string }): Promise<string> {
  const { pc } = await loadPc(ctx.db, companyId);
  requirePcOn(pc);
  const user = await findSageUser(ctx.db, companyId, input.name);
  if (!user) throw new SimPcError("user_not_found", `There is no Sage 50 user called ${input.name}.`);
  if (user.nameKey === sageUserKey(SAGE_MANAGER_USER)) {
    throw new SimPcError("cannot_delete_manager", `${SAGE_MANAGER_USER} cannot be deleted.`);
  }
  await ctx.db.transaction(async (tx) => {
    await tx.delete(simSageSessions).where(and(eq(simSageSessions.companyId, companyId), eq(simSageSessions.nameKey, user.nameKey)));
    await tx.delete(simSageUsers).where(and(eq(simSageUsers.companyId, companyId), eq(simSageUsers.nameKey, user.nameKey)));
  });
  return `Sage 50 user ${user.name} is deleted.`;
}

export async function openSage(
  ctx: SimContext,
  companyId: string,
  input: { username: string; password: string },
): Promise<string> {
  const { pc } = await loadPc(ctx.db, companyId);
  requirePcOn(pc);
  const user = await checkSageLogin(ctx.db, companyId, input.username, input.password);
  if (!user) throw new SimPcError("login_failed", "Sage 50 did not accept that logon name and password.");
  const open = await loggedInKeys(ctx.db, companyId);
  if (open.has(user.nameKey)) {
    throw new SimPcError("login_in_use", `${user.name} is already logged in to Sage 50.`);
  }
  await ctx.db.transaction(async (tx) => {
    // Sage 50 starting up loads the Suppliers view afresh.
    if (open.size === 0) {
      await tx.update(simSuppliers).set({ visibleInOpenSage: true }).where(eq(simSuppliers.companyId, companyId));
    }
    await tx.insert(simSageSessions).values({ companyId, nameKey: user.nameKey, openedAt: ctx.now });
  });
  return `Sage 50 is open, logged in as ${user.name}.`;
}

/** Closes the session of one user, or every session when no name is given. */
export async function closeSage(ctx: SimContext, companyId: string, input: { username?: string }): Promise<string> {
  await loadPc(ctx.db, companyId);
  if (input.username === undefined) {
    await ctx.db.delete(simSageSessions).where(eq(simSageSessions.companyId, companyId));
    return "Sage 50 is closed.";
  }
  const key = sageUserKey(input.username);
  const closed = await ctx.db
    .delete(simSageSessions)
    .where(and(eq(simSageSessions.companyId, companyId), eq(simSageSessions.nameKey, key)))
    .returning();
  if (closed.length === 0) throw new SimPcError("not_logged_in", `${input.username} is not logged in to Sage 50.`);
  return `${input.username} logged out of Sage 50.`;
}

export async function setForeignTrader(ctx: SimContext, companyId: string, input: { enabled: boolean }): Promise<string> {
  const { pc } = await loadPc(ctx.db, companyId);
  requirePcOn(pc);
  await savePc(ctx.db, pc, { foreignTrader: input.enabled }, ctx.now);
  return input.enabled ? "Foreign Trader is enabled." : "Foreign Trader is disabled.";
}

export async function setSageVersion(ctx: SimContext, companyId: string, input: { version: number }): Promise<string> {
  const { pc } = await loadPc(ctx.db, companyId);
  if (!Number.isInteger(input.version) || input.version < SAGE_MIN_VERSION || input.version > SAGE_MAX_VERSION) {
    throw new SimPcError("invalid_version", `Choose a Sage 50 version from ${SAGE_MIN_VERSION} to ${SAGE_MAX_VERSION}.`);
  }
  await savePc(ctx.db, pc, { sageVersion: input.version }, ctx.now);
  return `Sage 50 is now version ${input.version}.`;
}

/** Clicking the Suppliers view's filter twice: suppliers written while Sage 50 was open appear. */
export async function refreshSuppliersView(ctx: SimContext, companyId: string): Promise<string> {
  await loadPc(ctx.db, companyId);
  const shown = await ctx.db
    .update(simSuppliers)
    .set({ visibleInOpenSage: true })
    .where(and(eq(simSuppliers.companyId, companyId), eq(simSuppliers.visibleInOpenSage, false)))
    .returning({ id: simSuppliers.id });
  return shown.length === 0 ? "The Suppliers view is up to date." : `${shown.length} new supplier(s) now shown.`;
}

/** Switching off closes Sage 50 and stops everything; switching on starts the connector with Windows. */
export async function setPower(ctx: SimContext, companyId: string, input: { on: boolean }): Promise<string> {
  const { pc } = await loadPc(ctx.db, companyId);
  if (pc.poweredOn === input.on) return input.on ? "The PC is already on." : "The PC is already off.";
  if (!input.on) {
    await ctx.db.transaction(async (tx) => {
      await closeAllSageOnMachine(tx, pc);
      await savePc(tx, pc, { poweredOn: false, connectorRunning: false }, ctx.now);
    });
    return "The PC is off.";
  }
  await savePc(ctx.db, pc, { poweredOn: true, connectorRunning: pc.connectorOnMachine }, ctx.now);
  return pc.connectorOnMachine ? "The PC is on and the connector started with Windows." : "The PC is on.";
}

/** Signing in to Windows as an administrator or as a standard user (installing the connector needs the first). */
export async function setWindowsAdmin(ctx: SimContext, companyId: string, input: { enabled: boolean }): Promise<string> {
  const { pc } = await loadPc(ctx.db, companyId);
  requirePcOn(pc);
  await savePc(ctx.db, pc, { windowsAdmin: input.enabled }, ctx.now);
  return input.enabled ? "Signed in to Windows as an administrator." : "Signed in to Windows as a standard user, without administrator rights.";
}

/** The network's firewall blocking, or allowing, the connector's outbound connection to Codat. */
export async function setFirewallBlocksConnector(ctx: SimContext, companyId: string, input: { enabled: boolean }): Promise<string> {
  const { pc } = await loadPc(ctx.db, companyId);
  await savePc(ctx.db, pc, { firewallBlocksConnector: input.enabled }, ctx.now);
  return input.enabled ? "The firewall now blocks the connector's connection to Codat." : "The firewall allows the connector out again.";
}

/** Codat's connector set-up option for this company: install (default) or one-time sync (the connector removes itself after linking). */
export async function setOneTimeSync(ctx: SimContext, companyId: string, input: { enabled: boolean }): Promise<string> {
  const { pc } = await loadPc(ctx.db, companyId);
  await savePc(ctx.db, pc, { oneTimeSync: input.enabled }, ctx.now);
  return input.enabled
    ? "Codat's set-up option for this company is now one-time sync: the connector removes itself after linking."
    : "Codat's set-up option for this company is now install: the connector stays on the PC.";
}
