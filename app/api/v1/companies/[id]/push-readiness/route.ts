import { NextResponse, type NextRequest } from "next/server";
import { errorResponse } from "@/lib/api/error-response";
import { checkPushReadiness } from "@/lib/test-push/check-push-readiness";

/** The integrator's backend asks whether a company is push-ready (API key, not a session). */
export async function GET(req: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  try {
    return NextResponse.json(await checkPushReadiness(req.headers.get("authorization"), (await params).id));
  } catch (err) {
    return errorResponse(err);
  }
}
