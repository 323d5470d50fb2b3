import NextAuth, { CredentialsSignin } from "next-auth";
import type { NextRequest } from "next/server";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { getEnv } from "@/lib/env";
import { getDb } from "@/lib/db/client";
import { authConfig } from "./auth.config";
import { signInSchema } from "./sign-in-schema";
import { verifyStaffCredentials } from "./verify-staff-credentials";
import { resolveSetupLink } from "@/lib/setup-links/resolve-setup-link";
import { clientIp } from "@/lib/security/client-ip";
import { setupLinkLimits, staffSignInLimits, takeAttempt } from "@/lib/security/attempt-limits";
import { rateLimitedAuthResponse, rateLimitedCode } from "@/lib/security/auth-rate-limit";
import { authLogger } from "@/lib/security/auth-logger";

/** A refused credentials sign-in; the code reaches Auth.js's redirect (`?code=`), never the staff form. */
class SignInRefused extends CredentialsSignin {
  constructor(reason: string) {
    super();
    this.code = reason;
  }
}

const linkInput = z.union([z.object({ token: z.string().min(1).max(200) }), z.object({ shortCode: z.string().min(1).max(40) })]);

const nextAuth = NextAuth(() => {
  const env = getEnv();
  return {
    ...authConfig(env.AUTH_SECRET, env.strict),
    logger: authLogger,
    providers: [
      Credentials({
        id: "staff",
        credentials: { email: {}, password: {} },
        async authorize(raw, request) {
          const parsed = signInSchema.safeParse(raw);
          if (!parsed.success) return null;
          const db = await getDb();
          const ip = clientIp(request.headers);
          // Failures per account and per address; a limited attempt is not even checked.
          const attempt = await takeAttempt(db, staffSignInLimits(parsed.data.email, ip));
          if (!attempt.allowed) throw new SignInRefused(rateLimitedCode(attempt.retryAfterSeconds));
          const user = await verifyStaffCredentials(db, { ...parsed.data, ip });
          if (!user) return null;
          await attempt.succeeded();
          return {
            id: user.id,
            claims: {
              kind: "staff",
              userId: user.id,
              role: user.role,
              sessionVersion: user.sessionVersion,
              name: user.name,
              email: user.email,
            },
          };
        },
      }),
      Credentials({
        id: "setup-link",
        credentials: { token: {}, shortCode: {} },
        async authorize(raw, request) {
          const input = linkInput.safeParse(
            Object.fromEntries(Object.entries(raw ?? {}).filter(([, v]) => typeof v === "string" && v !== "")),
          );
          if (!input.success) throw new SignInRefused("invalid");
          const db = await getDb();
          // Guessing tokens or short codes through this callback meets the same limit as /s and /go.
          const attempt = await takeAttempt(db, setupLinkLimits(clientIp(request.headers)));
          if (!attempt.allowed) throw new SignInRefused(rateLimitedCode(attempt.retryAfterSeconds));
          const check = await resolveSetupLink(db, input.data);
          if (!check.ok) throw new SignInRefused(check.reason);
          await attempt.succeeded();
          return {
            id: `client:${check.link.id}`,
            claims: { kind: "client", companyId: check.link.companyId, linkId: check.link.id },
          };
        },
      }),
    ],
  };
});

export const { signIn, signOut } = nextAuth;

/** Auth.js's route handlers; a rate-limited credentials callback answers 429 with Retry-After. */
export const handlers = {
  GET: nextAuth.handlers.GET,
  POST: async (req: NextRequest) => rateLimitedAuthResponse(req.url, await nextAuth.handlers.POST(req)),
};
