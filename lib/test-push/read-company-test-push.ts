import type { Db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { getCodat } from "@/lib/codat/config";
import { notFound } from "@/lib/errors";
import { companyFor } from "@/lib/setup/company-access";
import { getTestPushView } from "./get-test-push-view";
import type { TestPushResponse } from "./test-push-view";

/** One test push of a company, by our id or Codat's push operation key; 404 when there is none. */
export async function readCompanyTestPush(db: Db, actor: Actor, companyId: string, idOrKey: string): Promise<TestPushResponse> {
  const company = await companyFor(db, actor, companyId);
  const testPush = await getTestPushView(db, getCodat(), company, idOrKey);
  if (!testPush) throw notFound("That test push");
  return { testPush };
}
