import "server-only";
import { getDb } from "@/lib/db/client";
import { currentEmbedOrigin } from "./embed-origin";
import { brandStylesheet, loadBrand, type Brand } from "./brand";

/** What the wizard's layout needs: the branding, and the parent page's origin when it is embedded (else null). */
export async function loadWizardEmbedData(): Promise<{ brand: Brand; embedOrigin: string | null }> {
  const db = await getDb();
  const [brand, embedOrigin] = await Promise.all([loadBrand(db), currentEmbedOrigin(db)]);
  return { brand, embedOrigin };
}

/** The branded stylesheet's text, for `GET /brand.css`. */
export async function loadBrandStylesheet(): Promise<string> {
  return brandStylesheet(await loadBrand(await getDb()));
}
