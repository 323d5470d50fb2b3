import { randomBytes } from "node:crypto";

/**
 * A production server's environment for a spec that starts its own (`createAppServer`): production
 * rules (no DEMO), live Codat mode pointed at nothing, an HTTPS `APP_URL`, fresh secrets.
 */
export function productionEnv(opts: { databaseUrl: string; dataDir: string; appUrl?: string }): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production",
    DEMO: undefined,
    DATABASE_URL: opts.databaseUrl,
    DATA_DIR: opts.dataDir,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    APP_URL: opts.appUrl ?? "https://push.example.test",
    CODAT_API_KEY: "live-key-for-tests",
    CODAT_BASE_URL: "http://127.0.0.1:9",
    CODAT_WEBHOOK_SECRET: `whsec_${randomBytes(24).toString("base64")}`,
  };
}
