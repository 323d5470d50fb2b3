import type { Db } from "@/lib/db/client";
import { getSettings } from "@/lib/db/queries/settings";
import { toSettingsView, type SettingsView } from "./save-settings";

export async function loadSettings(db: Db): Promise<SettingsView> {
  return toSettingsView(await getSettings(db));
}
