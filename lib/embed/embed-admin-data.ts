import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { embedOriginRules } from "./embed-mode";
import { loadEmbedSettings, type EmbedSettingsView } from "./save-embed-settings";

/** The admin page's embedding and branding section, or null without the permission. */
export async function loadEmbedAdminSection(actor: Actor): Promise<{ settings: EmbedSettingsView; allowLocalHttp: boolean } | null> {
  if (!can(actor.role, "settings:manage")) return null;
  return { settings: await loadEmbedSettings(await getDb()), allowLocalHttp: embedOriginRules().allowLocalHttp };
}
