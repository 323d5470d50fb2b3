import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/guards";
import { loadInsightsPage } from "@/lib/insights/insights-page-data";
import { PageHeader } from "@/components/ui/card";
import { InsightsFilters } from "@/components/insights/insights-filters";
import { FunnelFigure } from "@/components/insights/funnel-figure";
import { StalledFigure } from "@/components/insights/stalled-figure";
import { CausesFigure } from "@/components/insights/causes-figure";
import { CompletionsFigure } from "@/components/insights/completions-figure";
import { BackToSetups } from "@/components/support/back-to-setups";

export const metadata: Metadata = { title: "Insights" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The whole book at a glance: where setups stop, why pushes fail, and how many finish. */
export default async function InsightsPage({ searchParams }: Props) {
  await requirePageActor("insights:read", "/support/insights");
  const view = await loadInsightsPage(await searchParams);
  return (
    <>
      <BackToSetups />
      <PageHeader
        title="Insights"
        lead="Where clients stop in the wizard, why test pushes and real pushes fail, and how many setups finish. Each chart can be shown as a table."
      />
      <InsightsFilters query={view.query} />
      <FunnelFigure view={view} />
      <StalledFigure view={view} />
      <CausesFigure
        id="test-push-causes"
        title="Test-push failures by cause"
        what={`failed test pushes (${view.testPushes.passed} passed)`}
        causes={view.testPushes}
      />
      <CausesFigure
        id="write-causes"
        title="Real push failures by cause"
        what="failed writes to Sage 50"
        causes={view.writes}
        note="From push health: every failed write is counted per day; the newest failures of each company are kept with their diagnosis, the rest show as “Counted, cause no longer kept”."
      />
      <CompletionsFigure view={view} />
    </>
  );
}
