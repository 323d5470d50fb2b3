import { redirect } from "next/navigation";
import { getDb } from "@/lib/db/client";
import { signIn } from "@/lib/auth/auth";
import { clientIp } from "@/lib/security/client-ip";
import { setupLinkLimits, takeAttempt } from "@/lib/security/attempt-limits";
import { tooManyAttemptsPage } from "@/lib/security/too-many-attempts-page";
import { resolveSetupLink } from "./resolve-setup-link";
import { landingPath } from "./landing-path";
import { signInClientSession } from "@/lib/embed/embed-origin";

/**
 * A client opens the setup link (`GET /s/{token}`): the token is exchanged for a session bound to that
 * one company, then the wizard opens (inside the integrator's page when `embedOrigin` is an allowed
 * origin: see lib/embed/embed-origin.ts). Failed exchanges per address are limited (tokens cannot be
 * guessed one by one); a link that does not work goes to /link-problem with the reason. A repair link
 * lands on the step that fixes its alert's cause (`landingPath`).
 */
export async function openSetupLink(headers: Headers, token: string, embedOrigin: string | null = null): Promise<Response | undefined> {
  const db = await getDb();
  const attempt = await takeAttempt(db, setupLinkLimits(clientIp(headers)));
  if (!attempt.allowed) return tooManyAttemptsPage(attempt.retryAfterSeconds);
  const check = await resolveSetupLink(db, { token });
  if (!check.ok) redirect(`/link-problem?reason=${check.reason}`);
  await attempt.succeeded();
  // Auth.js sets the session cookie and redirects to the wizard (thrown, as Next's redirects are).
  await signInClientSession(db, embedOrigin, () => signIn("setup-link", { token, redirectTo: landingPath(check.link) }));
  return undefined;
}
