import type { Db } from "@/lib/db/client";
import { getEmbedSettings } from "@/lib/db/queries/embed-settings";
import { setEmbedOrigins } from "@/lib/security/frame-ancestors";
import { log } from "@/lib/log";
import { embedDemoMode } from "./embed-mode";

/** Reads the allowed origins into the copy the proxy builds `frame-ancestors` from. */
export async function refreshEmbedOrigins(db: Db): Promise<readonly string[]> {
  const { allowedOrigins } = await getEmbedSettings(db);
  setEmbedOrigins(allowedOrigins, { self: embedDemoMode() });
  return allowedOrigins;
}

type Holder = { timer?: ReturnType<typeof setInterval> };
const holder = globalThis as typeof globalThis & { __pushSetupEmbedRefresh?: Holder };

const REFRESH_MS = 10_000;

/**
 * Reads the list now and every 10 s (once per process): a save on another instance reaches this
 * one's proxy within that time; a save here reaches it at once (`saveEmbedSettings`).
 */
export async function startEmbedOriginsRefresh(getDb: () => Promise<Db>, intervalMs = REFRESH_MS): Promise<void> {
  const h = (holder.__pushSetupEmbedRefresh ??= {});
  if (h.timer) return;
  const pass = async () => {
    try {
      await refreshEmbedOrigins(await getDb());
    } catch (err) {
      log.warn("embed origins refresh failed", { error: err });
    }
  };
  h.timer = setInterval(() => void pass(), intervalMs);
  h.timer.unref?.();
  await pass();
}
