import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";
import type { WizardView } from "@/lib/setup/wizard-view";
import { setupQueryKey, testPushQueryKey } from "./wizard-api";

/**
 * Seeds the browser's query cache with the state the server just read for this page. Hydration
 * only replaces cached data that is older, so a fresher poll result is never overwritten.
 */
export function WizardHydration({ view, children }: { view: WizardView; children: ReactNode }) {
  const client = new QueryClient();
  client.setQueryData(setupQueryKey(view.company.id), view);
  client.setQueryData(testPushQueryKey(view.company.id), view.latestTestPush);
  return <HydrationBoundary state={dehydrate(client)}>{children}</HydrationBoundary>;
}
