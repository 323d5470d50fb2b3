import { route } from "@/lib/api/handler";
import { loadSettings } from "@/lib/support/load-settings";
import { settingsSchema } from "@/lib/support/settings-schema";
import { saveSettings } from "@/lib/support/save-settings";
import { asStaff } from "@/lib/support/staff-actor";

/** Admin: the integrator's settings. */
export const GET = route({ permission: "settings:manage" }, async ({ db }) => ({ settings: await loadSettings(db) }));

export const PUT = route({ permission: "settings:manage", body: settingsSchema }, async ({ db, actor, body }) => ({
  settings: await saveSettings(db, { values: body, actor: asStaff(actor) }),
}));
