import { getDb } from "@/lib/db/client";
import { loadInsights, type InsightsView } from "./load-insights";
import { readInsightsParams } from "./insights-query-schema";

/** What `/support/insights` reads, behind one call (the page calls its guard first). */
export async function loadInsightsPage(params: Record<string, string | string[] | undefined>): Promise<InsightsView> {
  return loadInsights(await getDb(), readInsightsParams(params));
}
