import type { Db } from "@/lib/db/client";
import { actorRef, type StaffActor } from "@/lib/auth/actor";
import { getEmbedSettings, updateEmbedSettings, type EmbedSettingsRow } from "@/lib/db/queries/embed-settings";
import { recordEvent } from "@/lib/db/queries/events";
import type { EmbedSettingsValues } from "./embed-settings-schema";
import { refreshEmbedOrigins } from "./embed-origins-cache";

export type EmbedSettingsView = EmbedSettingsValues & { updatedAt: string };

function toEmbedSettingsView(row: EmbedSettingsRow): EmbedSettingsView {
  return { allowedOrigins: row.allowedOrigins, logo: row.logo, primaryColour: row.primaryColour, updatedAt: row.updatedAt.toISOString() };
}

export async function loadEmbedSettings(db: Db): Promise<EmbedSettingsView> {
  return toEmbedSettingsView(await getEmbedSettings(db));
}

/**
 * An admin saves where the wizard may be embedded and the branding; what changed is logged with the
 * admin's name in the same transaction. This process's proxy uses the new origins at once.
 */
export async function saveEmbedSettings(db: Db, opts: { values: EmbedSettingsValues; actor: StaffActor }): Promise<EmbedSettingsView> {
  const row = await db.transaction(async (tx) => {
    const before = await getEmbedSettings(tx);
    const saved = await updateEmbedSettings(tx, opts.values);
    const changed = (["allowedOrigins", "logo", "primaryColour"] as const).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(saved[key]));
    if (changed.length) {
      await recordEvent(tx, { companyId: null, actor: actorRef(opts.actor), type: "embed_settings.updated", data: { changed } });
    }
    return saved;
  });
  await refreshEmbedOrigins(db);
  return toEmbedSettingsView(row);
}
