import { eq } from "drizzle-orm";
import type { Db } from "../client";
import { companies } from "../schema/companies";
import { setupProgress } from "../schema/progress";
import { testPushes } from "../schema/test-pushes";
import type { CompanyRow } from "./companies";
import type { TestPushRow } from "./test-pushes";

export type LatestTestPushRead = {
  company: CompanyRow;
  testPush: TestPushRow | null;
  /** What the diagnosis needs from the setup (none saved yet: no push username, no everyday logins). */
  setup: { pushUsername: string | null; everydayUsernames: string[] };
};

/**
 * A company with its latest test push (kept on the company by `test_pushes_sync_latest`) and the
 * declared usernames, in one round trip: this is what every poll of the status route reads.
 */
export async function readLatestTestPush(db: Db, companyId: string): Promise<LatestTestPushRead | null> {
  const [row] = await db
    .select({
      company: companies,
      testPush: testPushes,
      pushUsername: setupProgress.pushUsername,
      everydayUsernames: setupProgress.everydayUsernames,
    })
    .from(companies)
    .leftJoin(testPushes, eq(testPushes.id, companies.latestTestPushId))
    .leftJoin(setupProgress, eq(setupProgress.companyId, companies.id))
    .where(eq(companies.id, companyId))
    .limit(1);
  if (!row) return null;
  return {
    company: row.company,
    testPush: row.testPush,
    setup: { pushUsername: row.pushUsername, everydayUsernames: row.everydayUsernames ?? [] },
  };
}
