import { z } from "zod";
import type { SimContext } from "../context";
import { simSageUserTypes } from "../schema";
import {
  addConnection,
  chooseDataFile,
  confirmCompany,
  installConnector,
  manageConnection,
  saveConnectorCredentials,
  setConnectorPaused,
  setConnectorRunning,
  uninstallConnector,
} from "./connector";
import { SAGE_PASSWORD_MAX_LENGTH } from "./pc-rules";
import {
  changeSageUserPassword,
  closeSage,
  createSageUser,
  deleteSageUser,
  openSage,
  refreshSuppliersView,
  setFirewallBlocksConnector,
  setForeignTrader,
  setOneTimeSync,
  setPower,
  setSageUserType,
  setSageVersion,
  setWindowsAdmin,
} from "./sage-app";

const username = z.string().max(100);
const password = z.string().max(SAGE_PASSWORD_MAX_LENGTH);
const userType = z.enum(simSageUserTypes);

/** Everything a person can do on the simulated PC: `POST /api/sim/pc/{companyId}/actions`. */
export const pcActionSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("createSageUser"), name: username, userType, password: password.default("") }),
  z.strictObject({ type: z.literal("setSageUserType"), name: username, userType }),
  z.strictObject({ type: z.literal("openSage"), username, password: password.default("") }),
  z.strictObject({ type: z.literal("closeSage"), username: username.optional() }),
  z.strictObject({ type: z.literal("installConnector"), licenseKey: z.string().max(200) }),
  z.strictObject({ type: z.literal("addConnection"), licenseKey: z.string().max(200) }),
  z.strictObject({ type: z.literal("chooseDataFile"), dataPath: z.string().max(500).optional() }),
  z.strictObject({ type: z.literal("saveCredentials"), username, password: password.default("") }),
  z.strictObject({ type: z.literal("confirmCompany") }),
  z.strictObject({ type: z.literal("stopConnector") }),
  z.strictObject({ type: z.literal("startConnector") }),
  z.strictObject({ type: z.literal("uninstallConnector") }),
  z.strictObject({ type: z.literal("manageConnection"), username, password: password.default("") }),
  z.strictObject({ type: z.literal("powerOff") }),
  z.strictObject({ type: z.literal("powerOn") }),
  z.strictObject({ type: z.literal("setForeignTrader"), enabled: z.boolean() }),
  z.strictObject({ type: z.literal("setSageVersion"), version: z.number().int() }),
  z.strictObject({ type: z.literal("refreshSuppliers") }),
  z.strictObject({ type: z.literal("changeSageUserPassword"), name: username, password: password.default("") }),
  z.strictObject({ type: z.literal("deleteSageUser"), name: username }),
  z.strictObject({ type: z.literal("pauseConnector") }),
  z.strictObject({ type: z.literal("resumeConnector") }),
  z.strictObject({ type: z.literal("setWindowsAdmin"), enabled: z.boolean() }),
  z.strictObject({ type: z.literal("setFirewallBlocksConnector"), enabled: z.boolean() }),
  z.strictObject({ type: z.literal("setOneTimeSync"), enabled: z.boolean() }),
]);

export type PcAction = z.infer<typeof pcActionSchema>;
export type PcActionInput = z.input<typeof pcActionSchema>;
export type PcActionType = PcAction["type"];

/** Runs one action; returns a sentence for the person at the PC. Refusals throw SimPcError. */
export async function runPcAction(ctx: SimContext, companyId: string, action: PcAction): Promise<string> {
  switch (action.type) {
    case "createSageUser":
      return createSageUser(ctx, companyId, action);
    case "setSageUserType":
      return setSageUserType(ctx, companyId, action);
    case "openSage":
      return openSage(ctx, companyId, action);
    case "closeSage":
      return closeSage(ctx, companyId, action);
    case "installConnector":
      return installConnector(ctx, companyId, action);
    case "addConnection":
      return addConnection(ctx, companyId, action);
    case "chooseDataFile":
      return chooseDataFile(ctx, companyId, action);
    case "saveCredentials":
      return saveConnectorCredentials(ctx, companyId, action);
    case "confirmCompany":
      return confirmCompany(ctx, companyId);
    case "stopConnector":
      return setConnectorRunning(ctx, companyId, { running: false });
    case "startConnector":
      return setConnectorRunning(ctx, companyId, { running: true });
    case "uninstallConnector":
      return uninstallConnector(ctx, companyId);
    case "manageConnection":
      return manageConnection(ctx, companyId, action);
    case "powerOff":
      return setPower(ctx, companyId, { on: false });
    case "powerOn":
      return setPower(ctx, companyId, { on: true });
    case "setForeignTrader":
      return setForeignTrader(ctx, companyId, action);
    case "setSageVersion":
      return setSageVersion(ctx, companyId, action);
    case "refreshSuppliers":
      return refreshSuppliersView(ctx, companyId);
    case "changeSageUserPassword":
      return changeSageUserPassword(ctx, companyId, action);
    case "deleteSageUser":
      return deleteSageUser(ctx, companyId, action);
    case "pauseConnector":
      return setConnectorPaused(ctx, companyId, { paused: true });
    case "resumeConnector":
      return setConnectorPaused(ctx, companyId, { paused: false });
    case "setWindowsAdmin":
      return setWindowsAdmin(ctx, companyId, action);
    case "setFirewallBlocksConnector":
      return setFirewallBlocksConnector(ctx, companyId, action);
    case "setOneTimeSync":
      return setOneTimeSync(ctx, companyId, action);
  }
}
