import { eq, sql } from "drizzle-orm";
import type { Db } from "../client";
import { companies, setupLinks } from "../schema/companies";
import { setupProgress } from "../schema/progress";
import { users } from "../schema/staff";
import { testPushes } from "../schema/test-pushes";
import type { CompanyRow } from "./companies";
import type { TestPushRow } from "./test-pushes";
import { sessionColumns, type SessionRecord, type SessionRef } from "./session-records";

/** The company columns a test push's status needs (its diagnosis reads the connection). */
const companyColumns = {
  id: companies.id,
  codatCompanyId: companies.codatCompanyId,
  codatConnectionId: companies.codatConnectionId,
  connectionStatus: companies.connectionStatus,
  lastSyncAt: companies.lastSyncAt,
  flow: companies.flow,
};
export type StatusCompany = Pick<CompanyRow, keyof typeof companyColumns>;

export type LatestTestPushRead = {
  company: StatusCompany;
  testPush: TestPushRow | null;
  /** What the diagnosis needs from the setup (none saved yet: no push username, no everyday logins). */
  setup: { pushUsername: string | null; everydayUsernames: string[] };
  /** The asking session's staff account or setup link, for the guards (none asked: both null). */
  session: SessionRecord;
};

/**
 * Built once per database and session kind, then reused: this query runs on every poll, and
 * building it each time cost more than running it. It joins only the session's own kind of row.
 */
function statusQuery(db: Db, kind: "user" | "link") {
  const base = db
    .select({
      company: companyColumns,
      testPush: testPushes,
      pushUsername: setupProgress.pushUsername,
      everydayUsernames: setupProgress.everydayUsernames,
      ...(kind === "user" ? { user: sessionColumns.user } : { link: sessionColumns.link }),
    })
    .from(companies)
    .leftJoin(testPushes, eq(testPushes.id, companies.latestTestPushId))
    .leftJoin(setupProgress, eq(setupProgress.companyId, companies.id));
  const joined =
    kind === "user"
      ? base.leftJoin(users, eq(users.id, sql.placeholder("sessionId")))
      : base.leftJoin(setupLinks, eq(setupLinks.id, sql.placeholder("sessionId")));
  return joined.where(eq(companies.id, sql.placeholder("companyId"))).limit(1).prepare(`latest_test_push_read_${kind}`);
}

const prepared = new WeakMap<Db, Map<"user" | "link", ReturnType<typeof statusQuery>>>();

function preparedStatusQuery(db: Db, kind: "user" | "link") {
  let byKind = prepared.get(db);
  if (!byKind) prepared.set(db, (byKind = new Map()));
  let query = byKind.get(kind);
  if (!query) byKind.set(kind, (query = statusQuery(db, kind)));
  return query;
}

/**
 * A company with its latest test push (kept on the company by `test_pushes_sync_latest`), the
 * declared usernames and the asking session's own row, in one round trip: this is what every poll
 * of the status route reads.
 */
export async function readLatestTestPush(db: Db, companyId: string, session?: SessionRef): Promise<LatestTestPushRead | null> {
  const kind = session && "userId" in session ? "user" : "link";
  const sessionId = session ? ("userId" in session ? session.userId : session.linkId) : null;
  const [row] = await preparedStatusQuery(db, kind).execute({ companyId, sessionId });
  if (!row) return null;
  return {
    company: row.company,
    testPush: row.testPush,
    setup: { pushUsername: row.pushUsername, everydayUsernames: row.everydayUsernames ?? [] },
    session: { user: "user" in row ? row.user : null, link: "link" in row ? row.link : null },
  };
}
