import { getDb } from "@/lib/db/client";
import { isUuid } from "../codat-api/codat-call";
import { getSimEnv } from "../sim-env";
import { SimPcError } from "./pc-errors";
import { readPcState, type PcState } from "./pc-state";

/** The PC page's data: null (→ 404) in live mode or for an unknown company. */
export async function loadSimulatedPcPage(companyId: string): Promise<PcState | null> {
  const env = getSimEnv();
  if (env.live || !isUuid(companyId)) return null;
  try {
    return await readPcState({ db: await getDb(), env, now: new Date() }, companyId);
  } catch (err) {
    if (err instanceof SimPcError && err.reason === "company_not_found") return null;
    throw err;
  }
}
