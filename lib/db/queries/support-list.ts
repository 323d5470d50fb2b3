import { and, asc, count, desc, eq, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Db } from "../client";
import { companies } from "../schema/companies";
import { setupProgress } from "../schema/progress";
import { testPushes } from "../schema/test-pushes";
import { sqlLiterals, sqlRank } from "../schema/sql-lists";
import { onStepCondition } from "./current-step";
import { BROKEN_CONNECTION_STATUSES, WAITING_CONNECTION_STATUSES } from "@/lib/sage/support-status";
import { FAILING_TEST_PUSH_STATUSES, RUNNING_TEST_PUSH_STATUSES } from "@/lib/sage/test-push-status";
import { ALERTING_PUSH_HEALTH_STATES, PUSH_HEALTH_SEVERITY } from "@/lib/sage/push-health";
import type { SupportListQuery } from "@/lib/support/support-list-schema";

/**
 * The support list: search, filter, sort and page over companies, one page in one query.
 *
 * Every filter and sort is served by an index on `companies` (schema/companies.ts); the company's
 * latest test push is read through `companies.latest_test_push_*`, which the database keeps in step
 * with `test_pushes`, so neither a filter nor a row needs a per-company lookup. The page joins the
 * progress row and the latest test push by primary key, for the rows of the page only.
 */
export type SupportListOptions = { now: Date; stuckAfterDays: number };

const DAY_MS = 86_400_000;

/** `failing` of classifySetup; the same text as the predicate of companies_failing_idx. */
function failingCondition(): SQL {
  return sql`(${companies.latestTestPushStatus} in (${sqlLiterals(FAILING_TEST_PUSH_STATUSES)}) or ${companies.connectionStatus} in (${sqlLiterals(BROKEN_CONNECTION_STATUSES)}))`;
}

/** `waitingOnConnector` of classifySetup; the same text as the predicate of companies_waiting_idx. */
function waitingCondition(): SQL {
  return sql`(${companies.connectionStatus} is null or ${companies.connectionStatus} in (${sqlLiterals(WAITING_CONNECTION_STATUSES)}) or ${companies.latestTestPushStatus} in (${sqlLiterals(RUNNING_TEST_PUSH_STATUSES)}))`;
}

/** Needs attention: push health failing or disconnected; the same text as the predicate of companies_needs_attention_idx. */
function attentionCondition(): SQL {
  return sql`${companies.pushHealthState} in (${sqlLiterals(ALERTING_PUSH_HEALTH_STATES)})`;
}

/** `stuck` of classifySetup: not pushing, and nothing happened for `stuckAfterDays` days. */
function stuckCondition(opts: SupportListOptions): SQL {
  const since = new Date(opts.now.getTime() - opts.stuckAfterDays * DAY_MS);
  return sql`(${companies.pushEnabled} = false and ${companies.lastActivityAt} <= ${since.toISOString()})`;
}

/**
 * Search: every word typed must start a word of the name (GIN index on the name's words), or the
 * text must start the Codat company id (prefix index). "acme tr" finds "Acme Trading Ltd".
 *
 * The matches are collected first, as an array (an InitPlan the planner cannot fold into the outer
 * query), so the search always runs on its own two indexes and the page reads the few matching rows
 * by primary key, whatever the filter and sort.
 */
function searchCondition(text: string): SQL | undefined {
  const q = text.trim();
  if (!q) return undefined;
  const words = (q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 8);
  const idPrefix = `${q.toLowerCase().replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  const byId = sql`lower(${companies.codatCompanyId}) like ${idPrefix}`;
  const matches =
    words.length === 0
      ? byId
      : sql`(to_tsvector('simple', ${companies.name}) @@ to_tsquery('simple', ${words.map((w) => `${w}:*`).join(" & ")}) or ${byId})`;
  return sql`${companies.id} = any(array(select ${companies.id} from ${companies} where ${matches}))`;
}

function listConditions(q: SupportListQuery, opts: SupportListOptions): SQL | undefined {
  const parts: (SQL | undefined)[] = [searchCondition(q.q)];
  if (q.filter === "attention") parts.push(attentionCondition());
  if (q.filter === "stuck") parts.push(stuckCondition(opts));
  if (q.filter === "failing") parts.push(failingCondition());
  if (q.filter === "waiting") parts.push(waitingCondition());
  if (q.filter === "enabled") parts.push(sql`${companies.pushEnabled} = true`);
  if (q.flow !== "all") parts.push(eq(companies.flow, q.flow));
  if (q.step) parts.push(onStepCondition(q.step));
  return and(...parts);
}

type Sortable = { id: AnyPgColumn; name: AnyPgColumn; lastActivityAt: AnyPgColumn; latestTestPushAt: AnyPgColumn; pushHealthState: AnyPgColumn };

function listOrder(q: SupportListQuery, c: Sortable): SQL[] {
  const up = q.dir === "asc";
  switch (q.sort) {
    case "name":
      return up ? [asc(c.name), asc(c.id)] : [desc(c.name), desc(c.id)];
    case "test-push":
      // Never-tested companies come last when newest first, first when oldest first: one index serves both.
      return up ? [sql`${c.latestTestPushAt} asc nulls first`, asc(c.id)] : [sql`${c.latestTestPushAt} desc nulls last`, desc(c.id)];
    case "health": {
      // Worst first, then most recent activity: the order of companies_push_health_rank_idx (read backwards for best first).
      const rank = sqlRank(c.pushHealthState, PUSH_HEALTH_SEVERITY);
      return up
        ? [sql`${rank} asc`, sql`${c.lastActivityAt} desc nulls last`, sql`${c.id} desc nulls last`]
        : [sql`${rank} desc nulls first`, sql`${c.lastActivityAt} asc nulls first`, sql`${c.id} asc nulls first`];
    }
    case "activity":
      return up ? [asc(c.lastActivityAt), asc(c.id)] : [desc(c.lastActivityAt), desc(c.id)];
  }
}

/**
 * The two statements of one list view, unexecuted (the data tests EXPLAIN them). The page is chosen
 * on `companies` alone (filter, order, offset, limit: what the indexes serve), then only those rows
 * are joined to their progress and latest test push, by primary key.
 */
export function supportListStatements(db: Db, q: SupportListQuery, opts: SupportListOptions) {
  const where = listConditions(q, opts);
  const chosen = db
    .select({
      id: companies.id,
      name: companies.name,
      lastActivityAt: companies.lastActivityAt,
      latestTestPushAt: companies.latestTestPushAt,
      pushHealthState: companies.pushHealthState,
    })
    .from(companies)
    .where(where)
    .orderBy(...listOrder(q, companies))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .as("chosen");
  const page = db
    .select({
      id: companies.id,
      name: companies.name,
      contactEmail: companies.contactEmail,
      flow: companies.flow,
      codatCompanyId: companies.codatCompanyId,
      codatConnectionId: companies.codatConnectionId,
      connectionStatus: companies.connectionStatus,
      lastSyncAt: companies.lastSyncAt,
      pushEnabled: companies.pushEnabled,
      health: { state: companies.pushHealthState, cause: companies.pushHealthCause, since: companies.pushHealthSince },
      lastActivityAt: companies.lastActivityAt,
      createdAt: companies.createdAt,
      progress: {
        beforeStartDoneAt: setupProgress.beforeStartDoneAt,
        pushUserDoneAt: setupProgress.pushUserDoneAt,
        connectorLinkedAt: setupProgress.connectorLinkedAt,
        companyConfirmedAt: setupProgress.companyConfirmedAt,
      },
      latestTestPush: {
        id: testPushes.id,
        status: testPushes.status,
        connectionId: testPushes.connectionId,
        startedAt: testPushes.startedAt,
        completedAt: testPushes.completedAt,
        diagnosisCode: testPushes.diagnosisCode,
      },
    })
    .from(chosen)
    .innerJoin(companies, eq(companies.id, chosen.id))
    .leftJoin(setupProgress, eq(setupProgress.companyId, companies.id))
    .leftJoin(testPushes, eq(testPushes.id, companies.latestTestPushId))
    .orderBy(...listOrder(q, chosen));
  const total = db.select({ n: count() }).from(companies).where(where);
  return { page, total };
}

export type SupportListRow = Awaited<ReturnType<typeof supportListStatements>["page"]>[number];

export async function listCompaniesForSupport(db: Db, q: SupportListQuery, opts: SupportListOptions) {
  const { page, total } = supportListStatements(db, q, opts);
  const [rows, [totalRow]] = await Promise.all([page, total]);
  return { rows, total: Number(totalRow?.n ?? 0) };
}
