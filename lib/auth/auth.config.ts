import type { NextAuthConfig } from "next-auth";
import type { Role } from "./permissions";

/** What the session cookie carries. Checked against the database on every request by the guards. */
export type SessionClaims =
  | { kind: "staff"; userId: string; role: Exclude<Role, "client">; sessionVersion: number; name: string; email: string }
  | { kind: "client"; companyId: string; linkId: string };

declare module "next-auth" {
  interface User {
    claims?: SessionClaims;
  }
  interface Session {
    claims?: SessionClaims;
  }
}

/** DB-free part of the Auth.js config (safe for proxy.ts). Providers are added in auth.ts. */
export function authConfig(secret: string, secureCookies: boolean): NextAuthConfig {
  return {
    secret,
    trustHost: true,
    useSecureCookies: secureCookies,
    session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [],
    callbacks: {
      jwt({ token, user }) {
        if (user?.claims) token.claims = user.claims;
        return token;
      },
      session({ session, token }) {
        session.claims = token.claims as SessionClaims | undefined;
        return session;
      },
    },
  };
}
