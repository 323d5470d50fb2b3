import { NextResponse, type NextRequest } from "next/server";
import { getEnv } from "@/lib/env";
import { inlineStyleElementsAllowed, newNonce, securityHeaders } from "@/lib/security/security-headers";
import { frameAncestorsFor } from "@/lib/security/frame-ancestors";

/**
 * Security headers on every answer, with a fresh CSP nonce per request (Next reads it from the
 * request's Content-Security-Policy header and puts it on its own scripts). The proxy only sets
 * headers: sessions and permissions are checked by the guards where the data is, and nothing here
 * touches the database.
 */
export function proxy(request: NextRequest) {
  const nonce = newNonce();
  const { pathname } = request.nextUrl;
  const headers = securityHeaders({
    nonce,
    ...mode(),
    frameAncestors: frameAncestorsFor(pathname),
    inlineStyleElements: inlineStyleElementsAllowed(pathname),
  });
  if (!decodable(pathname)) {
    // Next.js would answer a bad %-escape in a dynamic segment with a bare 500; no such record exists.
    const refused = NextResponse.json({ error: { code: "not_found", message: "That address is not valid." } }, { status: 404 });
    for (const [name, value] of Object.entries(headers)) refused.headers.set(name, value);
    return refused;
  }
  const forwarded = new Headers(request.headers);
  forwarded.set("Content-Security-Policy", headers["Content-Security-Policy"] ?? "");
  forwarded.set("x-nonce", nonce);
  const response = NextResponse.next({ request: { headers: forwarded } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

function decodable(pathname: string): boolean {
  try {
    for (const segment of pathname.split("/")) decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}

/** Production rules; when the environment cannot be read the app will not start, so assume production. */
function mode(): { strict: boolean; development: boolean } {
  try {
    const env = getEnv();
    return { strict: env.strict, development: env.NODE_ENV === "development" };
  } catch {
    return { strict: true, development: false };
  }
}

export const config = {
  // Build output and the favicon are served as files; everything else (pages, API, redirects) is covered.
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
