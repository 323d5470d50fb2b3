import { getTableColumns, sql, type Column } from "drizzle-orm";
import type { Db } from "../client";
import { companies } from "../schema/companies";
import { testPushes } from "../schema/test-pushes";
import type { CompanyRow } from "./companies";
import type { TestPushRow } from "./test-pushes";
import { sessionColumns, type SessionLink, type SessionRecord, type SessionRef, type SessionUser } from "./session-records";

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

type Json = Record<string, unknown>;
type ReadJson = { company: Json; test_push: Json | null; push_username: string | null; everyday_usernames: string[] | null; link: Json | null; user: Json | null };

/**
 * A company with its latest test push (kept on the company by `test_pushes_sync_latest`), the
 * declared usernames and the asking session's own row, in one call to `latest_test_push_read`
 * (drizzle/0002): this is what every poll of the status route reads, and the function keeps its
 * query plan, so a poll costs little more than `select 1`.
 */
export async function readLatestTestPush(db: Db, companyId: string, session?: SessionRef): Promise<LatestTestPushRead | null> {
  const linkId = session && "linkId" in session ? session.linkId : null;
  const userId = session && "userId" in session ? session.userId : null;
  // Both drivers answer `{ rows }` and parse json into objects.
  const result = (await db.execute(
    sql`select latest_test_push_read(${companyId}::uuid, ${linkId}::uuid, ${userId}::uuid) as read`,
  )) as unknown as { rows: { read: ReadJson | string | null }[] };
  const raw = result.rows[0]?.read ?? null;
  const read: ReadJson | null = typeof raw === "string" ? (JSON.parse(raw) as ReadJson) : raw;
  if (!read) return null;
  return {
    company: fromJson<StatusCompany>(companyColumns, read.company),
    testPush: read.test_push ? fromJson<TestPushRow>(getTableColumns(testPushes), read.test_push) : null,
    setup: {
      pushUsername: read.push_username,
      everydayUsernames: read.everyday_usernames ?? [],
    },
    session: {
      user: read.user ? fromJson<SessionUser>(sessionColumns.user, read.user) : null,
      link: read.link ? fromJson<SessionLink>(sessionColumns.link, read.link) : null,
    },
  };
}

/** A row as JSON (keys are column names) back into drizzle's shape, each value through its column's own mapping. */
function fromJson<T>(columns: Record<string, Column>, json: Json): T {
  const row: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(columns)) {
    const value = json[column.name];
    // A column missing from the function's answer is a mismatch between it and this file, not a null.
    if (value === undefined) throw new Error(`latest_test_push_read did not return column "${column.name}"`);
    row[key] = value === null ? null : column.mapFromDriverValue(value);
  }
  return row as T;
}
