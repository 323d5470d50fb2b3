import { checkUsername, SAGE50_USERNAME_MAX_LENGTH } from "@/lib/sage/usernames";
import type { SimConnectionStatus, SimConnectorState, SimSageUserType } from "../schema";

/**
 * Pure rules of the simulated Sage 50 PC. Everything here takes plain data and returns a decision;
 * the engine (pc-engine.ts) loads and stores the state around them.
 */

/** The user every Sage 50 company file has: an Administrator, without a password until one is set. */
export const SAGE_MANAGER_USER = "MANAGER";
export const SAGE_DEFAULT_VERSION = 31;
export const SAGE_MIN_VERSION = 18;
export const SAGE_MAX_VERSION = 33;
export const SAGE_PASSWORD_MAX_LENGTH = 64;

/** Sage 50 v22 is the 2016 edition: the year is the version plus 1994. */
export function sageYearForVersion(version: number): number {
  return version + 1994;
}

/** Where Sage 50 keeps the company data file; the connector fills this path in by itself. */
export function defaultDataPath(version: number): string {
  return `C:\\ProgramData\\Sage\\Accounts\\${sageYearForVersion(version)}\\Company.000`;
}

/** Logon names are compared without regard to case, ends or repeated spaces. */
export function sageUserKey(name: string): string {
  return name.trim().replace(/\s+/g, " ").toUpperCase();
}

export type NewSageUserProblem = { reason: "invalid_user_name" | "user_exists" | "password_required"; message: string };

export function checkNewSageUser(input: {
  name: string;
  userType: SimSageUserType;
  password: string;
  existingKeys: ReadonlySet<string>;
}): NewSageUserProblem | null {
  const problems = checkUsername(input.name);
  if (problems.length > 0) {
    return {
      reason: "invalid_user_name",
      message: `Sage 50 does not accept this logon name: use 1 to ${SAGE50_USERNAME_MAX_LENGTH} letters, digits or spaces.`,
    };
  }
  if (input.existingKeys.has(sageUserKey(input.name))) {
    return { reason: "user_exists", message: `A Sage 50 user called ${input.name.trim()} already exists.` };
  }
  if (input.userType === "Administrator" && input.password.length === 0) {
    return { reason: "password_required", message: "An Administrator must have a password." };
  }
  return null;
}

/** The license key is the Codat company id; people paste it with spaces or in another case. */
export function isLicenseKeyValid(licenseKey: string, companyId: string): boolean {
  return licenseKey.trim().toLowerCase() === companyId.toLowerCase();
}

/** Windows paths: case-insensitive, either slash, no trailing slash. */
export function sameDataPath(a: string, b: string): boolean {
  const norm = (p: string) => p.trim().replace(/\//g, "\\").replace(/\\+$/, "").toLowerCase();
  return norm(a) === norm(b);
}

/** Which connector steps may run in which state (the installer wizard is linear). */
export const CONNECTOR_STEP_FROM: Record<"chooseDataFile" | "saveCredentials" | "confirmCompany", readonly SimConnectorState[]> = {
  chooseDataFile: ["installed", "data_file_chosen", "credentials_saved"],
  saveCredentials: ["data_file_chosen", "credentials_saved"],
  confirmCompany: ["credentials_saved"],
};

export type ConnectorAvailabilityInput = {
  poweredOn: boolean;
  connectorState: SimConnectorState;
  connectorRunning: boolean;
  connectorPaused?: boolean;
  firewallBlocksConnector?: boolean;
};

/** The connector can take push work: PC on, connector linked, running, not paused and able to reach Codat. */
export function isConnectorAvailable(pc: ConnectorAvailabilityInput): boolean {
  return (
    pc.poweredOn &&
    pc.connectorState === "linked" &&
    pc.connectorRunning &&
    pc.connectorPaused !== true &&
    pc.firewallBlocksConnector !== true
  );
}

/** Keeps the start of an unbroken stretch of availability; null while unavailable. */
export function nextAvailableSince(previousSince: Date | null, availableNow: boolean, now: Date): Date | null {
  if (!availableNow) return null;
  return previousSince ?? now;
}

/**
 * The connection the connector links when the company is confirmed: the newest PendingAuth one,
 * else the newest one that was unlinked or deauthorized (a reinstall relinks it).
 */
export function pickConnectionToLink<T extends { status: SimConnectionStatus; createdAt: Date }>(connections: readonly T[]): T | null {
  const newestFirst = [...connections].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  return (
    newestFirst.find((c) => c.status === "Linked") ??
    newestFirst.find((c) => c.status === "PendingAuth") ??
    newestFirst.find((c) => c.status === "Unlinked" || c.status === "Deauthorized") ??
    null
  );
}

/**
 * Whether the connector's saved login still opens Sage 50: the user still exists and its password is
 * the one the connector saved (the connector keeps the hash Sage 50 had when the login was accepted).
 */
export function connectorLoginWorks(savedPasswordHash: string | null, user: { passwordHash: string | null } | null): boolean {
  return user !== null && user.passwordHash === savedPasswordHash;
}

/**
 * Sage 50 shows a processing dialog while the connector writes with Sage 50 open: a push is waiting
 * and the connector can take it. It goes once the write is done.
 */
export function showsProcessingDialog(input: { sageOpen: boolean; connectorAvailable: boolean; pushPending: boolean }): boolean {
  return input.sageOpen && input.connectorAvailable && input.pushPending;
}
