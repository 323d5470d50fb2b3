import type { Db } from "@/lib/db/client";
import type { CodatClient } from "@/lib/codat/client";
import type { CompanyRow } from "@/lib/db/queries/companies";
import { getTestPush, type TestPushRow } from "@/lib/db/queries/test-pushes";
import { readLatestTestPush, type LatestTestPushRead, type StatusCompany } from "@/lib/db/queries/latest-test-push";
import { readSessionRecord } from "@/lib/db/queries/session-records";
import { getProgress } from "@/lib/db/queries/progress";
import type { SessionClaims } from "@/lib/auth/auth.config";
import { actorFor, sessionRef } from "@/lib/auth/guards";
import { assertMayReadCompany } from "@/lib/setup/company-access";
import { notFound, unauthorized } from "@/lib/errors";
import { refreshTestPush } from "./refresh-test-push";
import { toTestPushView, type TestPushView } from "./test-push-view";

/**
 * The company's latest test push for a signed-in session, brought up to date if still running.
 * Every open wizard and support page polls this, so one query checks the session and reads the
 * push (a refresh from Codat, at most once per interval, is the only other work). The guards'
 * rules apply unchanged: no valid session 401, a client's other company 404.
 */
export async function getLatestTestPushView(
  db: Db,
  codat: CodatClient,
  claims: SessionClaims | null,
  companyId: string,
): Promise<TestPushView | null> {
  if (!claims) throw unauthorized();
  const ref = sessionRef(claims);
  const read = await readLatestTestPush(db, companyId, ref);
  // No such company: the session still decides between 401 and 404.
  const actor = actorFor(claims, read ? read.session : await readSessionRecord(db, ref));
  if (!actor) throw unauthorized();
  assertMayReadCompany(actor, companyId);
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

async function present(db: Db, codat: CodatClient, row: TestPushRow, company: StatusCompany, setup: LatestTestPushRead["setup"]) {
  return toTestPushView(await refreshTestPush(db, codat, row, company), company, setup);
}
