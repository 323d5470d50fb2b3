import type { NextRequest } from "next/server";
import { openSetupLink } from "@/lib/setup-links/open-setup-link";

export const dynamic = "force-dynamic";

/** A client opens the setup link: the token is exchanged for a session bound to that one company. */
export async function GET(req: NextRequest, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return openSetupLink(req.headers, token, req.nextUrl.searchParams.get("embedOrigin"));
}
