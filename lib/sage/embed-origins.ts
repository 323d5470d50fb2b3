/**
 * Which web pages may show the client's wizard inside an iframe (the integrator's app), and how the
 * Content-Security-Policy's `frame-ancestors` is written from that list. Pure: no env, no URL fetching.
 */

/** The most origins an admin may list. */
export const MAX_EMBED_ORIGINS = 20;

export type EmbedOriginRules = {
  /** Outside production, `http://localhost…` and `http://127.0.0.1…` may be listed too. */
  allowLocalHttp: boolean;
};

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * The origin an admin typed, normalised (`https://app.example.com`), or why it is refused. Only an
 * origin: scheme, host and port, no path, query, user or wildcard.
 */
export function checkEmbedOrigin(text: string, rules: EmbedOriginRules): { ok: true; origin: string } | { ok: false; message: string } {
  const trimmed = text.trim().replace(/\/$/, "");
  if (trimmed.includes("*")) return { ok: false, message: "List each origin in full: wildcards are not allowed." };
  if (!/^[a-z]+:\/\/[^/?#@\s;,'"]+$/i.test(trimmed)) {
    return /^[a-z]+:\/\//i.test(trimmed)
      ? { ok: false, message: "Enter only the origin (https://host[:port]), with no path, query or login." }
      : { ok: false, message: "Enter an origin like https://app.example.com." };
  }
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return { ok: false, message: "Enter an origin like https://app.example.com." };
  }
  if (url.protocol === "https:") return { ok: true, origin: url.origin };
  if (url.protocol === "http:" && LOCAL_HOSTS.has(url.hostname)) {
    return rules.allowLocalHttp
      ? { ok: true, origin: url.origin }
      : { ok: false, message: "Local http:// origins are allowed only outside production: use https://." };
  }
  return { ok: false, message: "Use an https:// origin." };
}

/** Whether `origin` (as a browser reports it) is one of the listed origins. */
export function isAllowedEmbedOrigin(origin: string | null | undefined, allowed: readonly string[]): origin is string {
  return typeof origin === "string" && origin !== "null" && allowed.includes(origin);
}

/**
 * The `frame-ancestors` sources: `'none'` when nothing may frame the page, else the listed origins
 * (each already checked by `checkEmbedOrigin`, so none can carry a `;` or a space).
 */
export function frameAncestorsSources(allowed: readonly string[], opts: { self?: boolean } = {}): string {
  const sources = [...(opts.self ? ["'self'"] : []), ...allowed];
  return sources.length ? sources.join(" ") : "'none'";
}

/** The pages a client sees, which an integrator may embed: the wizard, the setup link and the short code page. */
export function isEmbeddablePath(pathname: string): boolean {
  return pathname === "/setup" || pathname.startsWith("/setup/") || pathname.startsWith("/s/") || pathname === "/go";
}
