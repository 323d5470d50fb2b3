/**
 * The integrator's primary colour, as admins set it: a hex colour that keeps white text on it
 * readable (WCAG AA for normal text: a contrast ratio of at least 4.5:1). Pure.
 */

export const MIN_CONTRAST_WITH_WHITE = 4.5;

/** The colour the wizard uses when none is set (the app's own brand-700). */
export const DEFAULT_PRIMARY_COLOUR = "#174bb0";

const HEX = /^#([0-9a-f]{6}|[0-9a-f]{3})$/i;

/** `#abc` → `#aabbcc`, lower case; null when it is not a hex colour. */
export function normaliseHexColour(text: string): string | null {
  const value = text.trim();
  if (!HEX.test(value)) return null;
  const hex = value.slice(1).toLowerCase();
  return `#${hex.length === 3 ? [...hex].map((c) => c + c).join("") : hex}`;
}

function relativeLuminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + i * 2, 3 + i * 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

/** The contrast ratio of white text on `hex` (a normalised `#rrggbb`), from 1 to 21. */
export function contrastWithWhite(hex: string): number {
  return 1.05 / (relativeLuminance(hex) + 0.05);
}

/** The colour, normalised, or why it is refused. */
export function checkPrimaryColour(text: string): { ok: true; colour: string } | { ok: false; message: string } {
  const colour = normaliseHexColour(text);
  if (!colour) return { ok: false, message: "Enter a hex colour like #174bb0." };
  const ratio = contrastWithWhite(colour);
  if (ratio < MIN_CONTRAST_WITH_WHITE) {
    return {
      ok: false,
      message: `White text on ${colour} has a contrast of ${ratio.toFixed(2)}:1; buttons need at least ${MIN_CONTRAST_WITH_WHITE}:1 (WCAG AA). Choose a darker colour.`,
    };
  }
  return { ok: true, colour };
}

/** A darker shade of `hex` (a normalised `#rrggbb`) for hover: each channel times `factor`. */
export function darkerShade(hex: string, factor = 0.8): string {
  const parts = [0, 1, 2].map((i) => Math.round(parseInt(hex.slice(1 + i * 2, 3 + i * 2), 16) * factor));
  return `#${parts.map((p) => p.toString(16).padStart(2, "0")).join("")}`;
}
