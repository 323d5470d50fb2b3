"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/lib/db/client";
import { signIn } from "@/lib/auth/auth";
import { clientIp } from "@/lib/security/client-ip";
import { setupLinkLimits, takeAttempt } from "@/lib/security/attempt-limits";
import { resolveSetupLink } from "./resolve-setup-link";
import { shortCodeSchema } from "./short-code-schema";
import { requestedEmbedOrigin, signInClientSession } from "@/lib/embed/embed-origin";

export type ShortCodeState = { error?: string; code?: string };

/**
 * /go: a client types the short code shown on another device. Wrong codes per address are limited
 * (a server action cannot answer 429, so the form says how long to wait). Signed in through
 * `signInClientSession`, as a setup link is, so an embedded /go keeps its session cookie.
 */
export async function enterShortCodeAction(_prev: ShortCodeState, form: FormData): Promise<ShortCodeState> {
  const code = String(form.get("code") ?? "");
  const parsed = shortCodeSchema.safeParse({ code });
  if (!parsed.success) return { error: parsed.error.issues[0]?.message, code };
  const db = await getDb();
  const attempt = await takeAttempt(db, setupLinkLimits(clientIp(await headers())));
  if (!attempt.allowed) {
    const minutes = Math.max(1, Math.ceil(attempt.retryAfterSeconds / 60));
    return { error: `Too many codes were tried from this network. Wait ${minutes} minute${minutes === 1 ? "" : "s"}, then try again.`, code };
  }
  const check = await resolveSetupLink(db, { shortCode: parsed.data.code });
  if (!check.ok) {
    if (check.reason === "invalid") return { error: "That code does not match any setup. Check it and try again.", code };
    redirect(`/link-problem?reason=${check.reason}`);
  }
  await attempt.succeeded();
  // Inside the integrator's iframe (`/go?embedOrigin=…`, or a session that already keeps one), the
  // cookie follows the same rules as a setup link opened there.
  const embedOrigin = await requestedEmbedOrigin(String(form.get("embedOrigin") ?? "") || null);
  await signInClientSession(db, embedOrigin, () => signIn("setup-link", { shortCode: parsed.data.code, redirectTo: "/setup" }));
  return {};
}
