import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { getEnv } from "@/lib/env";
import { getDb } from "@/lib/db/client";
import { authConfig } from "./auth.config";
import { signInSchema } from "./sign-in-schema";
import { verifyStaffCredentials } from "./verify-staff-credentials";
import { resolveSetupLink } from "@/lib/setup-links/resolve-setup-link";

class LinkRefused extends CredentialsSignin {
  constructor(reason: string) {
    super();
    this.code = reason;
  }
}

const linkInput = z.union([z.object({ token: z.string().min(1).max(200) }), z.object({ shortCode: z.string().min(1).max(40) })]);

export const { handlers, auth, signIn, signOut } = NextAuth(() => {
  const env = getEnv();
  return {
    ...authConfig(env.AUTH_SECRET, env.strict),
    providers: [
      Credentials({
        id: "staff",
        credentials: { email: {}, password: {} },
        async authorize(raw, request) {
          const parsed = signInSchema.safeParse(raw);
          if (!parsed.success) return null;
          const ip = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? "local";
          const user = await verifyStaffCredentials(await getDb(), { ...parsed.data, ip });
          if (!user) return null;
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
        async authorize(raw) {
          const input = linkInput.safeParse(
            Object.fromEntries(Object.entries(raw ?? {}).filter(([, v]) => typeof v === "string" && v !== "")),
          );
          if (!input.success) throw new LinkRefused("invalid");
          const check = await resolveSetupLink(await getDb(), input.data);
          if (!check.ok) throw new LinkRefused(check.reason);
          return {
            id: `client:${check.link.id}`,
            claims: { kind: "client", companyId: check.link.companyId, linkId: check.link.id },
          };
        },
      }),
    ],
  };
});
