import { redirect } from "next/navigation";
import type { NextRequest } from "next/server";
import { getDb } from "@/lib/db/client";
import { signIn } from "@/lib/auth/auth";
import { resolveSetupLink } from "@/lib/setup-links/resolve-setup-link";

export const dynamic = "force-dynamic";

/** A client opens the setup link: the token is exchanged for a session bound to that one company. */
export async function GET(_req: NextRequest, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const check = await resolveSetupLink(await getDb(), { token });
  if (!check.ok) redirect(`/link-problem?reason=${check.reason}`);
  await signIn("setup-link", { token, redirectTo: "/setup" });
}
