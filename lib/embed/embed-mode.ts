import { z } from "zod";
import { getEnv } from "@/lib/env";
import type { EmbedOriginRules } from "@/lib/sage/embed-origins";
import { embedSettingsSchema } from "./embed-settings-schema";

/** Demo mode (DEMO=1, or not production): /embed-demo exists and the app may frame its own wizard. */
export function embedDemoMode(): boolean {
  const env = getEnv();
  return env.DEMO || !env.strict;
}

/** Local http:// origins may be listed only outside production rules. */
export function embedOriginRules(): EmbedOriginRules {
  return { allowLocalHttp: !getEnv().strict };
}

/** PUT /api/embed-settings's body: the shared schema with this mode's rules (read when a request is parsed). */
export const embedSettingsBody = z.lazy(() => embedSettingsSchema(embedOriginRules()));

/** The app's own origin (`APP_URL`'s). */
export function appOrigin(): string {
  return new URL(getEnv().APP_URL).origin;
}

/** Whether the app is served over HTTPS, where a cross-site iframe can keep a (partitioned) session cookie. */
export function servedOverHttps(): boolean {
  return getEnv().APP_URL.startsWith("https://");
}
