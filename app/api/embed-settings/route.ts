import { route } from "@/lib/api/handler";
import { embedSettingsBody } from "@/lib/embed/embed-mode";
import { loadEmbedSettings, saveEmbedSettings } from "@/lib/embed/save-embed-settings";
import { asStaff } from "@/lib/support/staff-actor";

/** Admin: where the wizard may be embedded (allowed origins) and the integrator's branding. */
export const GET = route({ permission: "settings:manage" }, async ({ db }) => ({ embedSettings: await loadEmbedSettings(db) }));

export const PUT = route({ permission: "settings:manage", body: embedSettingsBody }, async ({ db, actor, body }) => ({
  embedSettings: await saveEmbedSettings(db, { values: body, actor: asStaff(actor) }),
}));
