import "server-only";
import { getDb } from "@/lib/db/client";
import { getActor } from "@/lib/auth/guards";
import { currentEmbedOrigin } from "./embed-origin";
import { brandStylesheet, loadBrand, type Brand } from "./brand";

/**
 * What the wizard's layout needs: the branding, and, when the page is embedded, the parent page's
 * origin and the signed-in client's company (for `ready`); null for both otherwise.
 */
export async function loadWizardEmbedData(): Promise<{ brand: Brand; embedOrigin: string | null; companyId: string | null }> {
  const db = await getDb();
  const [brand, embedOrigin, actor] = await Promise.all([loadBrand(db), currentEmbedOrigin(db), getActor(db)]);
  const companyId = actor?.type === "client" ? actor.companyId : null;
  return { brand, embedOrigin: companyId ? embedOrigin : null, companyId };
}

/** The branded stylesheet's text, for `GET /brand.css`. */
export async function loadBrandStylesheet(): Promise<string> {
  return brandStylesheet(await loadBrand(await getDb()));
}
