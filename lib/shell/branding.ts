import { getDb } from "@/lib/db/client";
import { getSettings } from "@/lib/db/queries/settings";
import { getActor } from "@/lib/auth/guards";

/** What every page's frame shows: the integrator's name, the support contact, and who is signed in. */
export async function loadShell() {
  const db = await getDb();
  const [actor, settings] = await Promise.all([getActor(db), getSettings(db)]);
  return { db, actor, integratorName: settings.integratorName, supportContact: settings.supportContact };
}
