"use client";
import { useEffect } from "react";
import { useRouter } from "next/navigation";
import { fetchJson } from "@/components/api/fetch-json";
import { watchCompanyStream } from "@/components/live/company-stream";
import { isTestPushRunning } from "@/lib/sage/test-push-status";

/**
 * While a test push runs: re-reads the page's server data whenever the company's live stream says
 * something changed. Without an open stream it polls as before: asks the API for the push's state
 * (which brings it up to date from Codat, at most once every few seconds however many pages poll),
 * then re-reads the page. Stops when the push is done.
 */
export function AutoRefresh({ active, companyId, intervalMs = 3000 }: { active: boolean; companyId: string; intervalMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    let stopped = false;
    let live = false;
    let first = true;
    const unwatch = watchCompanyStream(companyId, {
      onState: (state) => {
        // The first state is the one the page shows, unless the push ended before the stream opened.
        if (!first || !isTestPushRunning(state.testPush?.status)) router.refresh();
        first = false;
      },
      onLive: (open) => {
        live = open;
      },
    });
    const timer = setInterval(async () => {
      if (live) return;
      // Only its side effect counts here; a failed poll is retried at the next tick.
      await fetchJson(`/api/companies/${encodeURIComponent(companyId)}/test-pushes`).catch(() => undefined);
      if (!stopped) router.refresh();
    }, intervalMs);
    return () => {
      stopped = true;
      unwatch();
      clearInterval(timer);
    };
  }, [active, companyId, intervalMs, router]);
  return null;
}
