import { sql } from "drizzle-orm";
import type { Db } from "../client";
import { flowIn, insightRows, weekStart, weekText, type InsightParams } from "./insights-rows";

/**
 * Setups that turned push on in the period, by week, and the median time from their first setup
 * link (the first `setup_link.issued` event, read through the partial index `events_link_issued_idx`;
 * the setup's creation when it has none) to push on. One statement: the median rides on every row.
 */
export async function readCompletions(
  db: Db,
  params: InsightParams,
): Promise<{ byWeek: { week: string; count: number }[]; medianLinkToPushSeconds: number | null }> {
  const week = weekStart(sql`d.push_enabled_at`);
  const rows = await insightRows<{ week: string; n: number; median_s: number | null }>(
    db,
    sql`with done as (
      select c.push_enabled_at,
        coalesce((select min(e.created_at) from events e where e.company_id = c.id and e.type = 'setup_link.issued'), c.created_at) as first_link_at
      from companies c
      where c.push_enabled and c.push_enabled_at >= ${params.from.toISOString()} and c.push_enabled_at < ${params.to.toISOString()} and ${flowIn(params.flows)}
    ), median as (
      select percentile_cont(0.5) within group (order by extract(epoch from push_enabled_at - first_link_at)::float8) as median_s
      from done where push_enabled_at >= first_link_at
    )
    select ${weekText(week)} as week, count(*)::int as n, (select median_s from median) as median_s
    from done d group by ${week}`,
  );
  return {
    byWeek: rows.map((r) => ({ week: r.week, count: Number(r.n) })),
    medianLinkToPushSeconds: rows[0]?.median_s == null ? null : Number(rows[0].median_s),
  };
}
