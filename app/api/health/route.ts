import { NextResponse } from "next/server";
import { checkHealth } from "@/lib/server/check-health";

export const dynamic = "force-dynamic";

/** Liveness and mode, without auth and without secrets. */
export async function GET() {
  const { ok, body } = await checkHealth();
  return NextResponse.json(body, { status: ok ? 200 : 503 });
}
