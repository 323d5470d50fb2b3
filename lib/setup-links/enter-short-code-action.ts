"use server";
import { redirect } from "next/navigation";
import { getDb } from "@/lib/db/client";
import { signIn } from "@/lib/auth/auth";
import { resolveSetupLink } from "./resolve-setup-link";
import { shortCodeSchema } from "./short-code-schema";

export type ShortCodeState = { error?: string; code?: string };

/** /go: a client types the short code shown on another device. */
export async function enterShortCodeAction(_prev: ShortCodeState, form: FormData): Promise<ShortCodeState> {
  const code = String(form.get("code") ?? "");
  const parsed = shortCodeSchema.safeParse({ code });
  if (!parsed.success) return { error: parsed.error.issues[0]?.message, code };
  const check = await resolveSetupLink(await getDb(), { shortCode: parsed.data.code });
  if (!check.ok) {
    if (check.reason === "invalid") return { error: "That code does not match any setup. Check it and try again.", code };
    redirect(`/link-problem?reason=${check.reason}`);
  }
  await signIn("setup-link", { shortCode: parsed.data.code, redirectTo: "/setup" });
  return {};
}
