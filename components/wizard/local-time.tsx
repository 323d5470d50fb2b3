"use client";
import { useEffect, useState, useSyncExternalStore } from "react";
import { describeDuration } from "@/lib/sage/format-duration";

const subscribe = () => () => {};

/** True in the browser after hydration: dates are formatted in the reader's own time zone only there. */
function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}

const FORMAT = { day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit" } as const;
const formatter = new Intl.DateTimeFormat("en-GB", FORMAT);
/** Before hydration the time zone of most readers (Sage 50 UK and Ireland), in the same words. */
const ukFormatter = new Intl.DateTimeFormat("en-GB", { ...FORMAT, timeZone: "Europe/London" });

/**
 * A date and time in the reader's time zone, optionally with "(5 minutes ago)". The page as sent
 * already says both in UK time, so for most readers hydration changes nothing and nothing on the page
 * moves (the text is as long before as after).
 */
export function LocalTime({ iso, relative = false }: { iso: string; relative?: boolean }) {
  const hydrated = useHydrated();
  const now = useNow(relative && hydrated ? 30_000 : null);
  const date = new Date(iso);
  return (
    <time dateTime={iso} suppressHydrationWarning>
      {(hydrated ? formatter : ukFormatter).format(date)}
      {relative ? ` (${ago(now - date.getTime())})` : null}
    </time>
  );
}

function ago(ms: number): string {
  return ms < 60_000 ? "just now" : `${describeDuration(ms)} ago`;
}

/** The current time (from the first render, server or browser), refreshed every `everyMs` (null: not refreshed). */
function useNow(everyMs: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (everyMs === null) return;
    setNow(Date.now());
    const timer = window.setInterval(() => setNow(Date.now()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);
  return now;
}
