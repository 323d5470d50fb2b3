import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { embedOriginRules } from "./embed-mode";
import { loadEmbedSettings, type EmbedSettingsView } from "./save-embed-settings";
import { loadUploadedLogo, type UploadedLogoView } from "./brand-logo-upload";

/** The admin page's embedding and branding section, or null without the permission. */
export async function loadEmbedAdminSection(
  actor: Actor,
): Promise<{ settings: EmbedSettingsView; allowLocalHttp: boolean; uploadedLogo: UploadedLogoView | null } | null> {
  if (!can(actor.role, "settings:manage")) return null;
  const db = await getDb();
  const [settings, uploadedLogo] = await Promise.all([loadEmbedSettings(db), loadUploadedLogo(db)]);
  return { settings, allowLocalHttp: embedOriginRules().allowLocalHttp, uploadedLogo };
}
