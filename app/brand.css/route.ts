import { loadBrandStylesheet } from "@/lib/embed/wizard-embed-data";

export const dynamic = "force-dynamic";

/**
 * The wizard's branded colours as a stylesheet (a CSS file from 'self' needs nothing more from the
 * CSP). Linked with `?v=<version>`, so each version may be kept for a day.
 */
export async function GET() {
  return new Response(await loadBrandStylesheet(), {
    headers: { "content-type": "text/css; charset=utf-8", "cache-control": "public, max-age=86400" },
  });
}
