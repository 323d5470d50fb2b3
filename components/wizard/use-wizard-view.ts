"use client";
import { useQuery } from "@tanstack/react-query";
import type { WizardView } from "@/lib/setup/wizard-view";
import { fetchSetup, setupQueryKey } from "./wizard-api";
import { useLiveCompany } from "./use-live-company";

type Interval = number | false | ((view: WizardView | undefined) => number | false);

/** How often a page waiting for the connector asks the server (which asks Codat, throttled) whether it linked. */
const CONNECTION_POLL_MS = 3_000;

/** Poll while the connector is not linked; stop once it is. */
export const untilLinked: Interval = (view) => (view?.company.connection.status === "Linked" ? false : CONNECTION_POLL_MS);

/**
 * The wizard's state from the server, shared by every island of a page through the query cache.
 * The page hydrates it (see `WizardHydration`), so it is there on first render; the company's live
 * stream updates it as it changes (the wait for the connector still polls: see docs/decisions/021).
 */
export function useWizardView(companyId: string, opts: { refetchInterval?: Interval } = {}) {
  useLiveCompany(companyId);
  const interval = opts.refetchInterval ?? false;
  const query = useQuery({
    queryKey: setupQueryKey(companyId),
    queryFn: () => fetchSetup(companyId),
    refetchInterval: typeof interval === "function" ? (q) => interval(q.state.data) : interval,
    refetchIntervalInBackground: interval !== false,
  });
  if (query.data === undefined) throw new Error("The setup state was not loaded with the page.");
  const view: WizardView = query.data;
  return { view, query };
}
