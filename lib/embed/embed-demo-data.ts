import "server-only";
import { getDb } from "@/lib/db/client";
import { getSettings } from "@/lib/db/queries/settings";
import { embedDemoMode } from "./embed-mode";

/** /embed-demo's host page: the integrator's name, or null outside demo mode (the page answers 404). */
export async function loadEmbedDemoPage(): Promise<{ integratorName: string } | null> {
  if (!embedDemoMode()) return null;
  const settings = await getSettings(await getDb());
  return { integratorName: settings.integratorName };
}
