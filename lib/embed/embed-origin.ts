import { cookies, headers } from "next/headers";
import type { Db } from "@/lib/db/client";
import { getEmbedSettings } from "@/lib/db/queries/embed-settings";
import { isAllowedEmbedOrigin } from "@/lib/sage/embed-origins";
import { sessionCookieName } from "@/lib/auth/session-claims";
import { getEnv } from "@/lib/env";
import { appOrigin, embedDemoMode, servedOverHttps } from "./embed-mode";

/** Where an embedded wizard posts its events: the parent page's origin, kept for the tab's session. */
const EMBED_ORIGIN_COOKIE = "embed-origin";

/** The origins that may embed the wizard now: the admins' list, and the app itself in demo mode (/embed-demo). */
async function embeddingOrigins(db: Db): Promise<string[]> {
  const { allowedOrigins } = await getEmbedSettings(db);
  return embedDemoMode() ? [...allowedOrigins, appOrigin()] : allowedOrigins;
}

/** `candidate` when it may embed the wizard, else null: checked against the list on the server, never `"*"`. */
export async function checkedEmbedOrigin(db: Db, candidate: string | null | undefined): Promise<string | null> {
  if (!candidate) return null;
  return isAllowedEmbedOrigin(candidate, await embeddingOrigins(db)) ? candidate : null;
}

/**
 * Cookies for a wizard inside the integrator's page. Over HTTPS the page is usually another site, where
 * a `SameSite=Lax` cookie is not sent: the client's session cookie and this one become
 * `SameSite=None; Secure; Partitioned` (CHIPS: kept apart per top-level site). Staff sessions never
 * change (see docs/decisions/030). On plain-HTTP local runs a same-site host page works with Lax.
 */
function embeddedCookieAttributes() {
  return servedOverHttps() ? ({ sameSite: "none", secure: true, partitioned: true } as const) : ({ sameSite: "lax" } as const);
}

/**
 * Remembers the embedding page's origin when it is allowed (else forgets any), for this session's pages.
 */
async function rememberEmbedOrigin(db: Db, candidate: string | null): Promise<string | null> {
  const store = await cookies();
  const origin = await checkedEmbedOrigin(db, candidate);
  if (!origin) {
    store.delete(EMBED_ORIGIN_COOKIE);
    return null;
  }
  store.set({ name: EMBED_ORIGIN_COOKIE, value: origin, httpOnly: true, path: "/", ...embeddedCookieAttributes() });
  return origin;
}

/** The client session cookie just set by the sign-in, given the embedded attributes (HTTPS only). */
async function embedSessionCookie(): Promise<void> {
  if (!servedOverHttps()) return;
  const store = await cookies();
  const name = sessionCookieName(getEnv().strict);
  const session = store.get(name);
  if (session) store.set({ ...session, ...embeddedCookieAttributes() });
}

/**
 * The one way a client's session cookie is set, whatever signed them in: a setup link opened by URL or
 * by `SagePushSetup.open({ token })` (`/s/<token>`), or a short code typed at `/go`. `embedOrigin` is the
 * embedding page's origin as the request named it; when it is allowed, it is remembered for this
 * session's pages and, over HTTPS, the session cookie `signIn` sets becomes
 * `SameSite=None; Secure; Partitioned` (also when `signIn` ends by throwing Next's redirect, as Auth.js
 * does). Otherwise the cookie stays as Auth.js set it (Lax) and any remembered origin is forgotten.
 */
export async function signInClientSession<T>(db: Db, embedOrigin: string | null, signIn: () => Promise<T>): Promise<T> {
  const embedded = await rememberEmbedOrigin(db, embedOrigin);
  try {
    return await signIn();
  } finally {
    if (embedded) await embedSessionCookie();
  }
}

/** The origin a request names for the embedding page, or the one this session already keeps (unchecked: `signInClientSession` checks it). */
export async function requestedEmbedOrigin(named: string | null): Promise<string | null> {
  return named || ((await cookies()).get(EMBED_ORIGIN_COOKIE)?.value ?? null);
}

/**
 * The embedding page's origin for this session's wizard pages, re-checked against the current list.
 * Null for a page the browser opens in a tab of its own (`Sec-Fetch-Dest: document`; a frame's is
 * `iframe`): where the host page is on the app's own site (the demo page, or an integrator serving
 * the app from a subdomain) the tab shares the frame's cookies, and it still gets the site's header.
 */
export async function currentEmbedOrigin(db: Db): Promise<string | null> {
  if ((await headers()).get("sec-fetch-dest") === "document") return null;
  return checkedEmbedOrigin(db, (await cookies()).get(EMBED_ORIGIN_COOKIE)?.value);
}
