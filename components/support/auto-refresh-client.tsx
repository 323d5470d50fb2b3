"use client";
import { useEffect } from "react";
import { useRouter } from "next/navigation";
import { fetchJson } from "@/components/api/fetch-json";

/**
 * While a test push runs: asks the API for its state (which brings it up to date from Codat, at most
 * once every few seconds however many pages poll), then re-reads the page's server data. Stops when
 * the push is done.
 */
export function AutoRefresh({ active, pollUrl, intervalMs = 3000 }: { active: boolean; pollUrl: string; intervalMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    let stopped = false;
    const timer = setInterval(async () => {
      // Only its side effect counts here; a failed poll is retried at the next tick.
      await fetchJson(pollUrl).catch(() => undefined);
      if (!stopped) router.refresh();
    }, intervalMs);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [active, pollUrl, intervalMs, router]);
  return null;
}
