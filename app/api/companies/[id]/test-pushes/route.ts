import { NextResponse } from "next/server";
import { z } from "zod";
import { route } from "@/lib/api/handler";
import { getCodat } from "@/lib/codat/config";
import { companyFor, companyParams } from "@/lib/setup/company-access";
import { startTestPush } from "@/lib/test-push/start-test-push";
import { getLatestTestPushView, getTestPushView } from "@/lib/test-push/get-test-push-view";
import type { LatestTestPushResponse, TestPushResponse } from "@/lib/test-push/test-push-view";
import { notFound } from "@/lib/errors";
import { enforceRateLimit } from "@/lib/rate-limit/enforce-rate-limit";

const idempotencyKey = z.string().trim().min(8).max(100).regex(/^[\w.:-]+$/, "Use letters, digits and - _ . : only.");

/** Starts the verified test push (idempotent: Idempotency-Key, and one running push per company). */
export const POST = route({ permission: "test-push:run", params: companyParams }, async ({ db, actor, params, req }) => {
  const company = await companyFor(db, actor, params.id);
  const header = req.headers.get("idempotency-key");
  const key = header === null ? null : idempotencyKey.parse(header);
  await enforceRateLimit(db, { key: `test-push:${company.id}`, limit: 10, windowSeconds: 600 });
  const codat = getCodat();
  const row = await startTestPush(db, codat, { company, actor, idempotencyKey: key });
  const testPush = await getTestPushView(db, codat, company, row.id);
  if (!testPush) throw notFound("That test push");
  return NextResponse.json<TestPushResponse>({ testPush }, { status: 202 });
});

/**
 * The company's latest test push (null before the first), refreshed from Codat at most once every few seconds however many
 * poll. Signed-in only: the session is checked in the same query that reads the push.
 */
export const GET = route({ permission: "session", params: companyParams }, async ({ db, claims, params }): Promise<LatestTestPushResponse> => ({
  testPush: await getLatestTestPushView(db, getCodat(), claims, params.id),
}));
