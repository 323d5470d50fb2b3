import { getDb } from "@/lib/db/client";
import { handleCodatRequest, simulatorOffResponse } from "./codat-api/codat-router";
import { handleSimControlRequest } from "./control-api/control-router";
import { getSimEnv } from "./sim-env";
import { startSimulatorTicker } from "./ticker";

/**
 * The whole of every `app/api/sim/**` route: resolve the environment and the database, make sure the
 * ticker runs, and hand the request to the simulator's router. Live mode: 404.
 */
async function withSimulator(
  request: Request,
  handle: typeof handleCodatRequest | typeof handleSimControlRequest,
): Promise<Response> {
  const env = getSimEnv();
  if (env.live) return simulatorOffResponse();
  startSimulatorTicker();
  return handle(request, { db: await getDb(), env, dueTimers: true });
}

export function simCodatRoute(request: Request): Promise<Response> {
  return withSimulator(request, handleCodatRequest);
}

export function simControlRoute(request: Request): Promise<Response> {
  return withSimulator(request, handleSimControlRequest);
}
