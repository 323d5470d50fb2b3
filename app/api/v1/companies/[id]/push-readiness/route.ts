import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { errorResponse } from "@/lib/api/error-response";
import { requireApiKey } from "@/lib/api-keys/api-keys";
import { getPushReadiness } from "@/lib/test-push/get-push-readiness";
import { notFound } from "@/lib/errors";

const id = z.string().trim().min(1).max(100);

/** The integrator's backend asks whether a company is push-ready (API key, not a session). */
export async function GET(req: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  try {
    const db = await getDb();
    await requireApiKey(db, req.headers.get("authorization"));
    const parsed = id.safeParse((await params).id);
    if (!parsed.success) throw notFound("That company");
    return NextResponse.json(await getPushReadiness(db, parsed.data));
  } catch (err) {
    return errorResponse(err);
  }
}
