import { getEnv } from "@/lib/env";

/** What the simulator needs from the environment, passed in so that tests can set it directly. */
export type SimEnv = {
  /** Base URL of this app: link URLs and the default webhook target are built from it. */
  appUrl: string;
  /** The key clients must send as `Authorization: Basic base64(key)`. */
  apiKey: string;
  /** `whsec_…`: the secret webhooks are signed with. */
  webhookSecret: string;
  /** In live mode every simulator route answers 404 and the ticker does nothing. */
  live: boolean;
};

export function getSimEnv(): SimEnv {
  const env = getEnv();
  return {
    appUrl: env.APP_URL,
    apiKey: env.SIMULATOR_API_KEY,
    webhookSecret: env.CODAT_WEBHOOK_SECRET,
    live: env.codatMode === "live",
  };
}
