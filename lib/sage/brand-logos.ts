/**
 * The logos an admin may show in the wizard, the emails and the embed: files kept in `public/img/`
 * (PNG, so that email clients show them too). An uploaded logo (lib/sage/logo-image.ts) takes their place while it exists.
 */
export const BRAND_LOGOS = [
  { key: "none", file: null, label: "No logo (the integrator's name only)" },
  { key: "acme-books", file: "/img/brand/acme-books.png", label: "Acme Books" },
  { key: "harbour-pay", file: "/img/brand/harbour-pay.png", label: "Harbour Pay" },
] as const;

export type BrandLogoKey = (typeof BRAND_LOGOS)[number]["key"];
export const BRAND_LOGO_KEYS = BRAND_LOGOS.map((l) => l.key) as [BrandLogoKey, ...BrandLogoKey[]];

/** The logo's path under the app's origin, or null for none. */
export function brandLogoPath(key: BrandLogoKey): string | null {
  return BRAND_LOGOS.find((l) => l.key === key)?.file ?? null;
}
