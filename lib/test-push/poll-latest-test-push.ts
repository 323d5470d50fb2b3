import type { Db } from "@/lib/db/client";
import type { SessionClaims } from "@/lib/auth/auth.config";
import { getCodat } from "@/lib/codat/config";
import { getLatestTestPushView } from "./get-test-push-view";
import type { LatestTestPushResponse } from "./test-push-view";

/** What every open page polls (`GET /api/companies/{id}/test-pushes`): the latest test push, or null. */
export async function pollLatestTestPush(
  db: Db,
  claims: SessionClaims | null,
  companyId: string,
): Promise<LatestTestPushResponse> {
  return { testPush: await getLatestTestPushView(db, getCodat(), claims, companyId) };
}
