import { NextResponse } from "next/server";
import { z } from "zod";
import { route } from "@/lib/api/handler";
import { companyParams } from "@/lib/setup/company-access";
import { runTestPush } from "@/lib/test-push/run-test-push";
import { pollLatestTestPush } from "@/lib/test-push/poll-latest-test-push";

const idempotencyKey = z.string().trim().min(8).max(100).regex(/^[\w.:-]+$/, "Use letters, digits and - _ . : only.");

/** Starts the verified test push (idempotent: Idempotency-Key, and one running push per company). */
export const POST = route({ permission: "test-push:run", params: companyParams }, async ({ db, actor, params, req }) => {
  const header = req.headers.get("idempotency-key");
  const key = header === null ? null : idempotencyKey.parse(header);
  return NextResponse.json(await runTestPush(db, actor, { companyId: params.id, idempotencyKey: key }), { status: 202 });
});

/**
 * The company's latest test push (null before the first), refreshed from Codat at most once every few seconds however many
 * poll. Signed-in only: the session is checked in the same query that reads the push.
 */
export const GET = route({ permission: "session", params: companyParams }, async ({ db, claims, params }) =>
  pollLatestTestPush(db, claims, params.id),
);
