import { UPLOADED_LOGO_FILE } from "@/lib/sage/logo-image";
/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** A block of an email: a paragraph, a button to a link, or a list. Every string in it is plain text. */
export type EmailBlock =
  | { paragraph: string }
  | { button: { label: string; url: string } }
  | { list: string[] };

export type RenderedEmail = { subject: string; text: string; html: string };

/** A link is only ever http(s): anything else is shown as text, never made a link. */
function safeUrl(url: string): string | null {
  return /^https?:\/\//i.test(url) ? url : null;
}

/** The integrator's branding in an email: a logo under the app's address (`/img/brand/…png`) and the buttons' colour. */
export type EmailBrand = { logoPath: string | null; primaryColour: string; integratorName: string };

const HEX_COLOUR = /^#[0-9a-f]{6}$/i;

/**
 * One email in two versions from the same blocks: plain text, and simple HTML (the logo from the app's
 * own address, or the integrator's when branded, everything escaped).
 */
export function renderEmail(opts: { subject: string; appUrl: string; blocks: EmailBlock[]; brand?: EmailBrand }): RenderedEmail {
  const buttonColour = opts.brand && HEX_COLOUR.test(opts.brand.primaryColour) ? opts.brand.primaryColour : "#0b5cad";
  const text = opts.blocks
    .map((b) =>
      "paragraph" in b ? b.paragraph : "button" in b ? `${b.button.label}: ${b.button.url}` : b.list.map((item) => `- ${item}`).join("\n"),
    )
    .join("\n\n");
  const body = opts.blocks
    .map((b) => {
      if ("paragraph" in b) return `<p style="margin:0 0 16px">${escapeHtml(b.paragraph)}</p>`;
      if ("list" in b) return `<ul style="margin:0 0 16px;padding-left:20px">${b.list.map((item) => `<li>${escapeHtml(item)}</li>`).join("")}</ul>`;
      const url = safeUrl(b.button.url);
      if (!url) return `<p style="margin:0 0 16px">${escapeHtml(`${b.button.label}: ${b.button.url}`)}</p>`;
      return (
        `<p style="margin:0 0 16px"><a href="${escapeHtml(url)}" style="display:inline-block;background:${buttonColour};color:#ffffff;` +
        `padding:10px 18px;border-radius:6px;text-decoration:none;font-weight:600">${escapeHtml(b.button.label)}</a></p>` +
        `<p style="margin:0 0 16px;font-size:13px;color:#555">Or copy this address: ${escapeHtml(url)}</p>`
      );
    })
    .join("\n");
  const html = [
    "<!doctype html>",
    `<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(opts.subject)}</title></head>`,
    '<body style="margin:0;padding:24px;background:#f5f6f8;font-family:Arial,Helvetica,sans-serif;color:#1a1a1a;line-height:1.5">',
    '<div style="max-width:560px;margin:0 auto;background:#ffffff;border-radius:8px;padding:24px">',
    emailHeader(opts.appUrl.replace(/\/$/, ""), opts.brand),
    body,
    "</div></body></html>",
  ].join("\n");
  return { subject: opts.subject, text: `${text}\n`, html };
}

/** A date as people read it in an email: "Tuesday 15 December 2026". */
export function emailDate(date: Date): string {
  return date.toLocaleDateString("en-GB", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
}

/**
 * The line above the message: the integrator's logo when branded, or their name when the logo is one
 * mail clients may not show (WebP); without branding, the app's own logo.
 */
function emailHeader(appUrl: string, brand: EmailBrand | undefined): string {
  const logo = (path: string, alt: string) => `<p style="margin:0 0 24px"><img src="${escapeHtml(`${appUrl}${path}`)}" alt="${escapeHtml(alt)}" height="32"></p>`;
  if (!brand?.logoPath) return logo("/img/logo.png", "Sage 50 push setup");
  if (isEmailLogoPath(brand.logoPath)) return logo(brand.logoPath, brand.integratorName);
  return `<p style="margin:0 0 24px;font-size:18px;font-weight:700">${escapeHtml(brand.integratorName)}</p>`;
}

/**
 * A logo the app serves itself that mail clients show: a PNG under /img, or an uploaded PNG or JPEG at
 * /brand/logo/<sha256>.<ext> (an uploaded WebP is left out: several mail clients do not show WebP).
 */
function isEmailLogoPath(logoPath: string): boolean {
  const uploaded = logoPath.startsWith("/brand/logo/") ? logoPath.slice("/brand/logo/".length) : null;
  return /^\/img\/[a-z0-9/-]+\.png$/.test(logoPath) || (uploaded !== null && UPLOADED_LOGO_FILE.test(uploaded) && !uploaded.endsWith(".webp"));
}
