import type { Db } from "@/lib/db/client";
import type { CodatClient } from "@/lib/codat/client";
import type { CompanyRow } from "@/lib/db/queries/companies";
import { getLatestTestPush, getTestPush } from "@/lib/db/queries/test-pushes";
import { getProgress } from "@/lib/db/queries/progress";
import { refreshTestPush } from "./refresh-test-push";
import { toTestPushView, type TestPushView } from "./test-push-view";

/** A test push (or the latest), brought up to date if still running, as people see it. */
export async function getTestPushView(
  db: Db,
  codat: CodatClient,
  company: CompanyRow,
  which: "latest" | string,
): Promise<TestPushView | null> {
  let row = which === "latest" ? await getLatestTestPush(db, company.id) : await getTestPush(db, company.id, which);
  if (!row) return null;
  row = await refreshTestPush(db, codat, row, company);
  const progress = await getProgress(db, company.id);
  return toTestPushView(row, company, progress);
}
