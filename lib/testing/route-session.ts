import { encode } from "next-auth/jwt";
import type { Db } from "@/lib/db/client";
import type { SessionClaims } from "@/lib/auth/auth.config";
import { sessionCookieName } from "@/lib/auth/session-claims";
import { getEnv } from "@/lib/env";

/**
 * Test support for calling route handlers directly as a signed-in person: the request's cookies and
 * the database `getDb` answers. A test file wires both with
 *
 *   vi.mock("next/headers", async () => (await import("@/lib/testing/route-session")).nextHeadersStandIn);
 *   vi.mock("@/lib/db/client", async (original) => (await import("@/lib/testing/route-session")).withTestDb(await original()));
 *
 * then calls `useTestDb(db)` once it has opened its database, and `signInAs(claims)` per test.
 */

const jar = new Map<string, string>();
let current: Db | null = null;

/** Stands in for `next/headers`: the cookies `signInAs` left. */
export const nextHeadersStandIn = {
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
    getAll: () => [...jar].map(([name, value]) => ({ name, value })),
  }),
};

/** `@/lib/db/client` with `getDb` answering the database given to `useTestDb`. */
export function withTestDb<T extends object>(original: T): T & { getDb: () => Promise<Db> } {
  return {
    ...original,
    getDb: async () => {
      if (!current) throw new Error("useTestDb(db) was not called");
      return current;
    },
  };
}

export function useTestDb(db: Db): void {
  current = db;
}

/** The next requests carry a session cookie for `claims`, as Auth.js signs one; null: nobody. */
export async function signInAs(claims: SessionClaims | null): Promise<void> {
  jar.clear();
  if (!claims) return;
  const name = sessionCookieName(false);
  jar.set(name, await encode({ token: { claims }, secret: getEnv().AUTH_SECRET, salt: name, maxAge: 3600 }));
}
