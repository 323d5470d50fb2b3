import type { Db } from "@/lib/db/client";
import type { CodatClient } from "@/lib/codat/client";
import type { CompanyRow } from "@/lib/db/queries/companies";
import { getTestPush, type TestPushRow } from "@/lib/db/queries/test-pushes";
import { readLatestTestPush, type LatestTestPushRead } from "@/lib/db/queries/latest-test-push";
import { getProgress } from "@/lib/db/queries/progress";
import { notFound } from "@/lib/errors";
import { refreshTestPush } from "./refresh-test-push";
import { toTestPushView, type TestPushView } from "./test-push-view";

/**
 * The company's latest test push, brought up to date if still running, as people see it. Polled by
 * every open wizard and support page, so a poll is one query unless a refresh from Codat is due.
 */
export async function getLatestTestPushView(db: Db, codat: CodatClient, companyId: string): Promise<TestPushView | null> {
  const read = await readLatestTestPush(db, companyId);
  if (!read) throw notFound("That company");
  return read.testPush ? present(db, codat, read.testPush, read.company, read.setup) : null;
}

/** One test push of the company (by id or push operation key), brought up to date if still running. */
export async function getTestPushView(db: Db, codat: CodatClient, company: CompanyRow, idOrKey: string): Promise<TestPushView | null> {
  const row = await getTestPush(db, company.id, idOrKey);
  if (!row) return null;
  const { pushUsername, everydayUsernames } = await getProgress(db, company.id);
  return present(db, codat, row, company, { pushUsername, everydayUsernames });
}

async function present(db: Db, codat: CodatClient, row: TestPushRow, company: CompanyRow, setup: LatestTestPushRead["setup"]) {
  return toTestPushView(await refreshTestPush(db, codat, row, company), company, setup);
}
