import { redirect } from "next/navigation";
import type { NextRequest } from "next/server";
import { getDb } from "@/lib/db/client";
import { signIn } from "@/lib/auth/auth";
import { resolveSetupLink } from "@/lib/setup-links/resolve-setup-link";
import { clientIp } from "@/lib/security/client-ip";
import { setupLinkLimits, takeAttempt } from "@/lib/security/attempt-limits";
import { tooManyAttemptsPage } from "@/lib/security/too-many-attempts-page";

export const dynamic = "force-dynamic";

/** A client opens the setup link: the token is exchanged for a session bound to that one company. */
export async function GET(req: NextRequest, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const db = await getDb();
  // Failed exchanges per address are limited (tokens cannot be guessed one by one).
  const attempt = await takeAttempt(db, setupLinkLimits(clientIp(req.headers)));
  if (!attempt.allowed) return tooManyAttemptsPage(attempt.retryAfterSeconds);
  const check = await resolveSetupLink(db, { token });
  if (!check.ok) redirect(`/link-problem?reason=${check.reason}`);
  await attempt.succeeded();
  await signIn("setup-link", { token, redirectTo: "/setup" });
}
