"use server";
import { getDb } from "@/lib/db/client";
import { getCodat } from "@/lib/codat/config";
import { getEnv } from "@/lib/env";
import { embedDemoMode } from "./embed-mode";
import { startEmbedDemo } from "./start-embed-demo";

export type StartEmbedDemoResult = { ok: true; url: string } | { ok: false; error: string };

/** The /embed-demo button: a fresh demo client's setup link (demo mode only). */
export async function startEmbedDemoAction(): Promise<StartEmbedDemoResult> {
  if (!embedDemoMode()) return { ok: false, error: "The embed demo runs only in demo mode." };
  try {
    const { url } = await startEmbedDemo(await getDb(), getCodat(), { appUrl: getEnv().APP_URL });
    return { ok: true, url };
  } catch {
    return { ok: false, error: "The demo setup could not be created. Try again." };
  }
}
