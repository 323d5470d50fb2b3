import type { Db } from "@/lib/db/client";
import { getEmbedSettings } from "@/lib/db/queries/embed-settings";
import { getSettings } from "@/lib/db/queries/settings";
import { getUploadedLogoMeta } from "@/lib/db/queries/brand-logo-upload";
import { brandLogoPath } from "@/lib/sage/brand-logos";
import { darkerShade, DEFAULT_PRIMARY_COLOUR } from "@/lib/sage/brand-colour";
import { uploadedLogoPath } from "./logo-upload-schema";

/** The integrator's branding, as the wizard, the emails and the embed show it. */
export type Brand = {
  integratorName: string;
  /** A path under the app (the uploaded logo's `/brand/logo/<sha256>.<ext>`, else `/img/brand/…png`), or null for none. */
  logoPath: string | null;
  primaryColour: string;
  /** Changes whenever the branding does: the stylesheet's URL carries it, so it can be cached for long. */
  version: string;
};

export async function loadBrand(db: Db): Promise<Brand> {
  const [settings, embed, uploaded] = await Promise.all([getSettings(db), getEmbedSettings(db), getUploadedLogoMeta(db)]);
  return {
    integratorName: settings.integratorName,
    logoPath: uploaded ? uploadedLogoPath(uploaded) : brandLogoPath(embed.logo),
    primaryColour: embed.primaryColour,
    version: String(embed.updatedAt.getTime()),
  };
}

/**
 * The wizard's branded stylesheet (`/brand.css`): the primary colour as the theme's brand shades
 * (buttons take 600, their hover and links 700 and 800, darker still), so the wizard takes it through
 * CSS variables: no inline style, nothing the CSP must allow. The default colour leaves the theme as
 * it is. The colour was checked (`#rrggbb`, readable under white text) before it was stored.
 */
export function brandStylesheet(brand: Pick<Brand, "primaryColour">): string {
  const c = brand.primaryColour;
  if (c === DEFAULT_PRIMARY_COLOUR) return "";
  return `:root{--color-brand-600:${c};--color-brand-700:${darkerShade(c, 0.85)};--color-brand-800:${darkerShade(c, 0.7)};}\n`;
}
