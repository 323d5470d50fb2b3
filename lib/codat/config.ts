import { getEnv } from "@/lib/env";
import { createCodatClient, type CodatClient, type CodatClientOptions } from "./client";

/** The part of the app's environment (lib/env.ts `getEnv()`) that decides where Codat calls go. */
export interface CodatEnv {
  codatMode: "live" | "simulator";
  CODAT_API_KEY?: string;
  CODAT_BASE_URL: string;
  SIMULATOR_API_KEY: string;
  APP_URL: string;
}

/** Path of the simulator's Codat-compatible API inside this app. */
const SIMULATOR_CODAT_PATH = "/api/sim/codat";

/**
 * live: the real Codat API with CODAT_API_KEY. simulator: this app's own Codat look-alike, at
 * `${APP_URL}/api/sim/codat`, with SIMULATOR_API_KEY.
 */
export function codatClientFromEnv(
  env: CodatEnv,
  overrides: Omit<CodatClientOptions, "baseUrl" | "apiKey"> = {},
): CodatClient {
  if (env.codatMode === "live") {
    if (!env.CODAT_API_KEY) throw new Error("Codat live mode needs CODAT_API_KEY");
    return createCodatClient({ ...overrides, baseUrl: env.CODAT_BASE_URL, apiKey: env.CODAT_API_KEY });
  }
  const appUrl = env.APP_URL.replace(/\/+$/, "");
  return createCodatClient({
    ...overrides,
    baseUrl: `${appUrl}${SIMULATOR_CODAT_PATH}`,
    apiKey: env.SIMULATOR_API_KEY,
  });
}

let cached: CodatClient | undefined;

/** The app's Codat client, built once from the validated environment. */
export function getCodat(): CodatClient {
  cached ??= codatClientFromEnv(getEnv());
  return cached;
}

/** For tests: forget the memoised client. */
export function resetCodatForTests(): void {
  cached = undefined;
}
