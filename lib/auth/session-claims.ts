import { decode } from "next-auth/jwt";
import type { SessionClaims } from "./auth.config";

type CookieReader = { get(name: string): { value: string } | undefined; getAll(): { name: string; value: string }[] };

/** Auth.js's session cookie (a JWE): `__Secure-` prefixed when cookies are secure. */
export function sessionCookieName(secure: boolean): string {
  return `${secure ? "__Secure-" : ""}authjs.session-token`;
}

const MAX_CACHED = 1_000;
/** Decrypted tokens (oldest first, at most MAX_CACHED): a token's content never changes, only whether it has expired. */
const decoded = new Map<string, { claims: SessionClaims | null; expiresAtMs: number }>();

/**
 * The claims of the session cookie, or null when there is none, it does not decrypt with our secret,
 * or it has expired. The same as Auth.js's `auth()` for a JWT session, without building a session
 * response per call: the status route is polled, so this is on the hot path. Whether the account or
 * setup link still counts is for the guards to check against the database.
 */
export async function readSessionClaims(cookies: CookieReader, secret: string, secure: boolean, now = Date.now()): Promise<SessionClaims | null> {
  const name = sessionCookieName(secure);
  const token = cookies.get(name)?.value ?? joinChunks(cookies, name);
  if (!token) return null;
  // The secret and cookie name are part of the key: a token is only ever read the way it was made.
  const key = `${secret}\u0000${name}\u0000${token}`;
  const cached = decoded.get(key);
  if (cached) {
    if (cached.expiresAtMs > now) return cached.claims;
    decoded.delete(key);
    return null;
  }
  const payload = await decode({ token, secret, salt: name }).catch(() => null);
  if (!payload || typeof payload.exp !== "number") return null;
  const entry = { claims: toClaims(payload.claims), expiresAtMs: payload.exp * 1000 };
  if (entry.expiresAtMs <= now) return null;
  if (decoded.size >= MAX_CACHED) decoded.delete(decoded.keys().next().value as string);
  decoded.set(key, entry);
  return entry.claims;
}

/** A token too big for one cookie is split into `name.0`, `name.1`, … */
function joinChunks(cookies: CookieReader, name: string): string | null {
  const chunks = cookies
    .getAll()
    .filter((c) => c.name.startsWith(`${name}.`))
    .map((c) => ({ index: Number(c.name.slice(name.length + 1)), value: c.value }))
    .filter((c) => Number.isInteger(c.index))
    .sort((a, b) => a.index - b.index);
  return chunks.length ? chunks.map((c) => c.value).join("") : null;
}

function toClaims(value: unknown): SessionClaims | null {
  const kind = (value as { kind?: unknown } | null)?.kind;
  return kind === "staff" || kind === "client" ? (value as SessionClaims) : null;
}
