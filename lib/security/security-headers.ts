import { isApiReferenceViewerPage } from "@/lib/sage/api-reference-page";

/**
 * The response headers every page and API answer carries, built by `proxy.ts` per request.
 * Pure: no env, no Next — the proxy passes in what it knows, so the strict (production) case is
 * unit-tested without starting a production server.
 */
export type SecurityHeaderOptions = {
  /** Fresh per request: base64 of 16+ random bytes. */
  nonce: string;
  /** Production rules (NODE_ENV=production and no DEMO): HSTS and upgrade-insecure-requests. */
  strict: boolean;
  /** `next dev` needs eval for React's debugging; never set in production. */
  development?: boolean;
  /** Who may frame the page (`frameAncestorsFor`): `'none'` unless it is a wizard page and admins listed origins. */
  frameAncestors?: string;
  /** Inline `<style>` elements without our nonce: only on the API reference (`inlineStyleElementsAllowed`). */
  inlineStyleElements?: boolean;
};

/**
 * Whether a page may carry `<style>` elements without this request's nonce. Only the API reference:
 * its viewer (a Vue application) inserts its theme's styles itself and offers no way to give them our
 * nonce. The page is public, shows only the published document and takes no input; scripts stay
 * nonce-only there too.
 */
export function inlineStyleElementsAllowed(pathname: string): boolean {
  return isApiReferenceViewerPage(pathname);
}

/** A nonce for one request's Content-Security-Policy. */
export function newNonce(): string {
  const bytes = new Uint8Array(18);
  crypto.getRandomValues(bytes);
  return Buffer.from(bytes).toString("base64");
}

/**
 * Scripts: only those carrying this request's nonce, and what they load ('strict-dynamic'); never
 * inline scripts without it. Styles: the app's own stylesheets (and Next's nonce'd inline styles);
 * inline style *attributes* are allowed because server-rendered React `style={…}` props need them
 * (e.g. the import progress bar) — they cannot run code. The API reference alone also allows inline
 * `<style>` elements (`inlineStyleElementsAllowed`).
 */
export function contentSecurityPolicy(opts: SecurityHeaderOptions): string {
  const script = [`'self'`, `'nonce-${opts.nonce}'`, `'strict-dynamic'`];
  if (opts.development) script.push(`'unsafe-eval'`);
  const directives = [
    `default-src 'self'`,
    `script-src ${script.join(" ")}`,
    // A nonce would make browsers ignore 'unsafe-inline', so the reference's policy names none for styles.
    opts.inlineStyleElements ? `style-src 'self' 'unsafe-inline'` : `style-src 'self' 'nonce-${opts.nonce}'`,
    `style-src-attr 'unsafe-inline'`,
    `img-src 'self' data: blob:`,
    `font-src 'self'`,
    `connect-src 'self'`,
    `object-src 'none'`,
    `base-uri 'self'`,
    `form-action 'self'`,
    `frame-ancestors ${opts.frameAncestors ?? "'none'"}`,
  ];
  // Only behind HTTPS: on a plain-HTTP local run it would send the browser to https:// for assets.
  if (opts.strict) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

const PERMISSIONS_POLICY = [
  "camera=()",
  "microphone=()",
  "geolocation=()",
  "payment=()",
  "usb=()",
  "serial=()",
  "hid=()",
  "browsing-topics=()",
].join(", ");

/** Two years, subdomains included: sent only in production, where the app is served over HTTPS. */
export const HSTS = "max-age=63072000; includeSubDomains";

export function securityHeaders(opts: SecurityHeaderOptions): Record<string, string> {
  const headers: Record<string, string> = {
    "Content-Security-Policy": contentSecurityPolicy(opts),
    // Setup links carry a token in their path: never send any part of a URL to another site.
    "Referrer-Policy": "same-origin",
    "X-Content-Type-Options": "nosniff",
    "Permissions-Policy": PERMISSIONS_POLICY,
    "Cross-Origin-Opener-Policy": "same-origin",
  };
  // The older header has no list form: sent only where nothing may frame the page (frame-ancestors rules elsewhere).
  if ((opts.frameAncestors ?? "'none'") === "'none'") headers["X-Frame-Options"] = "DENY";
  if (opts.strict) headers["Strict-Transport-Security"] = HSTS;
  return headers;
}
