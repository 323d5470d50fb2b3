import { sql } from "drizzle-orm";
import type { Db } from "../client";
import { flowIn, insightRows, weekOf, type InsightParams } from "./insights-rows";

/**
 * Setups that turned push on in the period, by week, and the median time from their first setup
 * link (the first `setup_link.issued` event; the setup's creation when it has none) to push on.
 */
export async function readCompletions(
  db: Db,
  params: InsightParams,
): Promise<{ byWeek: { week: string; count: number }[]; medianLinkToPushSeconds: number | null }> {
  const completed = sql`select c.push_enabled_at,
      coalesce((select min(e.created_at) from events e where e.company_id = c.id and e.type = 'setup_link.issued'), c.created_at) as first_link_at
    from companies c
    where c.push_enabled and c.push_enabled_at >= ${params.from.toISOString()} and c.push_enabled_at < ${params.to.toISOString()} and ${flowIn(params.flows)}`;
  const [byWeek, [median]] = await Promise.all([
    insightRows<{ week: string; n: number }>(
      db,
      sql`select ${weekOf(sql`d.push_enabled_at`)} as week, count(*)::int as n from (${completed}) d group by 1`,
    ),
    insightRows<{ median_s: number | null }>(
      db,
      sql`select percentile_cont(0.5) within group (order by extract(epoch from d.push_enabled_at - d.first_link_at)::float8) as median_s
      from (${completed}) d where d.push_enabled_at >= d.first_link_at`,
    ),
  ]);
  return {
    byWeek: byWeek.map((r) => ({ week: r.week, count: Number(r.n) })),
    medianLinkToPushSeconds: median?.median_s == null ? null : Number(median.median_s),
  };
}
