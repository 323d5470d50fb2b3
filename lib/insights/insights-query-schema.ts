import { z } from "zod";
import { DEFAULT_INSIGHT_PERIOD, INSIGHT_FLOWS, INSIGHT_PERIODS, type InsightFlow, type InsightPeriod } from "@/lib/sage/insights";

/** The insights page's URL state (`/support/insights?days=&flow=`). */
const insightsQuerySchema = z.object({
  days: z.coerce
    .number()
    .int()
    .refine((n): n is InsightPeriod => (INSIGHT_PERIODS as readonly number[]).includes(n), "Choose 7, 30 or 90 days.")
    .optional()
    .default(DEFAULT_INSIGHT_PERIOD),
  flow: z.enum(INSIGHT_FLOWS).optional().default("all"),
});

export type InsightsQuery = { days: InsightPeriod; flow: InsightFlow };

/** The page's reading of its search params: anything not understood falls back to its default. */
export function readInsightsParams(params: Record<string, string | string[] | undefined>): InsightsQuery {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
  const days = insightsQuerySchema.shape.days.safeParse(first(params.days));
  const flow = insightsQuerySchema.shape.flow.safeParse(first(params.flow));
  return {
    days: (days.success ? days.data : DEFAULT_INSIGHT_PERIOD) as InsightPeriod,
    flow: flow.success ? flow.data : "all",
  };
}

/** The address of an insights view; defaults are left out. */
export function insightsHref(query: InsightsQuery, change: Partial<InsightsQuery> = {}): string {
  const next = { ...query, ...change };
  const params = new URLSearchParams();
  if (next.days !== DEFAULT_INSIGHT_PERIOD) params.set("days", String(next.days));
  if (next.flow !== "all") params.set("flow", next.flow);
  const text = params.toString();
  return text ? `/support/insights?${text}` : "/support/insights";
}
