import { eq } from "drizzle-orm";
import { z } from "zod";
import type { SimContext } from "../context";
import { simPcs } from "../schema";
import { SimPcError } from "./pc-errors";
import { loadPc, refreshAvailability } from "./pc-store";

/** `PUT /api/sim/pc/{companyId}/host`: put the company's data file on another company's PC, or back on its own (null). */
export const setPcHostSchema = z.strictObject({ hostCompanyId: z.uuid().nullable() });

/**
 * Multi-company mode (docs/decisions/014): the company's Sage 50 data file moves to the PC of
 * `hostCompanyId`, whose power, connector and Windows it then shares. Only a company with no connection
 * in a connector, and whose own PC holds no other company's data file, can move.
 */
export async function setPcHost(ctx: SimContext, companyId: string, input: z.infer<typeof setPcHostSchema>): Promise<string> {
  const { pc } = await loadPc(ctx.db, companyId);
  if (pc.connectorState !== "not_installed") {
    throw new SimPcError("already_installed", "This company already has a connection in a connector: uninstall it before moving its data file.");
  }
  if (pc.machineId === companyId && pc.machineCompanyIds.length > 1) {
    throw new SimPcError("pc_shared", "Other companies' data files are on this company's PC: move them first.");
  }
  let machineId: string | null = null;
  if (input.hostCompanyId !== null) {
    if (input.hostCompanyId === companyId) throw new SimPcError("pc_shared", "A company cannot be put on its own PC.");
    machineId = (await loadPc(ctx.db, input.hostCompanyId)).pc.machineId;
  }
  await ctx.db.transaction(async (tx) => {
    await tx.update(simPcs).set({ hostCompanyId: machineId, updatedAt: ctx.now }).where(eq(simPcs.companyId, companyId));
    await refreshAvailability(tx, machineId ?? companyId, ctx.now);
  });
  return machineId === null ? "The company's data file is on its own PC." : `The company's data file is on the PC of company ${machineId}.`;
}
