import { asc, desc, eq, inArray } from "drizzle-orm";
import { listCompanyConnections } from "../companies";
import { iso } from "../codat-api/codat-shapes";
import type { SimContext } from "../context";
import { processPendingPushes } from "../push/process-pushes";
import { MIN_PUSH_SAGE_VERSION } from "../push/push-rules";
import {
  simCompanies,
  simPushOperations,
  simSuppliers,
  type SimConnectionStatus,
  type SimConnectorState,
  type SimPushStatus,
  type SimSageUserType,
} from "../schema";
import { connectorLoginWorks, isConnectorAvailable, sageUserKey, sageYearForVersion, showsProcessingDialog } from "./pc-rules";
import { listSageUsers, loadPc, loggedInKeys } from "./pc-store";

/** The simulated PC as the page and tests see it. Never includes a password or a hash. */
export type PcState = {
  companyId: string;
  codatCompanyName: string;
  poweredOn: boolean;
  /** Whether the Windows user has administrator rights (needed to install the connector). */
  windowsAdmin: boolean;
  /** Whether a firewall blocks the connector's connection to Codat. */
  firewallBlocksConnector: boolean;
  /** Codat's set-up option for this company is one-time sync (the connector removes itself after linking). */
  oneTimeSync: boolean;
  /** Multi-company mode: the other companies whose Sage 50 data files are on this PC (they share its power and connector). */
  sharedWith: { companyId: string; name: string }[];
  sage: {
    companyName: string;
    version: number;
    year: number;
    supportsPush: boolean;
    baseCurrency: string;
    foreignTrader: boolean;
    dataPath: string;
    lastTransactionDate: string;
    users: { name: string; userType: SimSageUserType; hasPassword: boolean }[];
    /** Users with Sage 50 open now. */
    loggedIn: string[];
    /** Sage 50's processing dialog: shown while Sage 50 is open and the connector is writing a push. */
    processingDialog: boolean;
    suppliers: { id: string; name: string; visibleInOpenSage: boolean; createdAt: string }[];
  };
  connector: {
    /** This company's connection in the connector (its own wizard steps). */
    state: SimConnectorState;
    /** The connector is installed on the PC (for this company or another one on it: then "Add new connection"). */
    installedOnPc: boolean;
    running: boolean;
    /** Paused from the tray: running, but taking no work. */
    paused: boolean;
    /** Whether it would take push work now (PC on, linked, running). */
    available: boolean;
    licenseKey: string | null;
    dataPath: string | null;
    savedUsername: string | null;
    /** False once the saved login no longer opens Sage 50 (the user's password changed or the user deleted). */
    savedLoginWorks: boolean;
    /** Shown at the "confirm company" step. */
    confirmation: { companyName: string; lastTransactionDate: string; sageVersion: number; dataDirectory: string } | null;
  };
  connections: { id: string; status: SimConnectionStatus; created: string; lastSync: string | null }[];
  recentPushes: {
    key: string;
    status: SimPushStatus;
    statusCode: number;
    errorMessage: string | null;
    requestedOn: string;
    completedOn: string | null;
    supplierId: string | null;
  }[];
};

const dateOnly = (d: Date) => iso(d).slice(0, 10);

async function getPcState(ctx: SimContext, companyId: string): Promise<PcState> {
  const { company, pc } = await loadPc(ctx.db, companyId);
  const others = pc.machineCompanyIds.filter((id) => id !== companyId);
  const [users, open, suppliers, connections, pushes, sharedWith] = await Promise.all([
    listSageUsers(ctx.db, companyId),
    loggedInKeys(ctx.db, companyId),
    ctx.db.select().from(simSuppliers).where(eq(simSuppliers.companyId, companyId)).orderBy(asc(simSuppliers.id)),
    listCompanyConnections(ctx.db, companyId),
    ctx.db
      .select()
      .from(simPushOperations)
      .where(eq(simPushOperations.companyId, companyId))
      .orderBy(desc(simPushOperations.requestedOn))
      .limit(10),
    others.length === 0
      ? []
      : ctx.db
          .select({ companyId: simCompanies.id, name: simCompanies.name })
          .from(simCompanies)
          .where(inArray(simCompanies.id, others))
          .orderBy(asc(simCompanies.name)),
  ]);
  const installed = pc.connectorState !== "not_installed";
  return {
    companyId,
    codatCompanyName: company.name,
    poweredOn: pc.poweredOn,
    windowsAdmin: pc.windowsAdmin,
    firewallBlocksConnector: pc.firewallBlocksConnector,
    oneTimeSync: pc.oneTimeSync,
    sharedWith,
    sage: {
      companyName: pc.sageCompanyName,
      version: pc.sageVersion,
      year: sageYearForVersion(pc.sageVersion),
      supportsPush: pc.sageVersion >= MIN_PUSH_SAGE_VERSION,
      baseCurrency: pc.baseCurrency,
      foreignTrader: pc.foreignTrader,
      dataPath: pc.dataPath,
      lastTransactionDate: dateOnly(pc.lastTransactionDate),
      users: users.map((u) => ({ name: u.name, userType: u.userType, hasPassword: u.passwordHash !== null })),
      loggedIn: users.filter((u) => open.has(u.nameKey)).map((u) => u.name),
      processingDialog: showsProcessingDialog({
        sageOpen: open.size > 0,
        connectorAvailable: isConnectorAvailable(pc),
        pushPending: pushes.some((p) => p.status === "Pending"),
      }),
      suppliers: suppliers.map((s) => ({
        id: s.id,
        name: s.name,
        visibleInOpenSage: s.visibleInOpenSage,
        createdAt: iso(s.createdAt),
      })),
    },
    connector: {
      state: pc.connectorState,
      installedOnPc: pc.connectorOnMachine,
      running: pc.connectorRunning,
      paused: pc.connectorPaused,
      available: isConnectorAvailable(pc),
      licenseKey: installed ? companyId : null,
      dataPath: pc.connectorDataPath,
      savedUsername: pc.savedUsername,
      savedLoginWorks:
        pc.savedUsername === null ||
        connectorLoginWorks(pc.savedPasswordHash, users.find((u) => u.nameKey === sageUserKey(pc.savedUsername ?? "")) ?? null),
      confirmation:
        pc.connectorState === "credentials_saved"
          ? {
              companyName: pc.sageCompanyName,
              lastTransactionDate: dateOnly(pc.lastTransactionDate),
              sageVersion: pc.sageVersion,
              dataDirectory: pc.connectorDataPath ?? pc.dataPath,
            }
          : null,
    },
    connections: connections.map((c) => ({
      id: c.id,
      status: c.status,
      created: iso(c.createdAt),
      lastSync: c.lastSync ? iso(c.lastSync) : null,
    })),
    recentPushes: pushes.map((p) => ({
      key: p.key,
      status: p.status,
      statusCode: p.statusCode,
      errorMessage: p.errorMessage,
      requestedOn: iso(p.requestedOn),
      completedOn: p.completedOn ? iso(p.completedOn) : null,
      supplierId: p.changes?.[0]?.recordRef.id ?? null,
    })),
  };
}

/** The state after letting pending pushes move on (what a person looking at the PC would see). */
export async function readPcState(ctx: SimContext, companyId: string): Promise<PcState> {
  await processPendingPushes(ctx, { companyId });
  return getPcState(ctx, companyId);
}
