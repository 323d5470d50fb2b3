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

const formatter = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit" });

/** A date and time in the reader's time zone, optionally with "(5 minutes ago)". */
export function LocalTime({ iso, relative = false }: { iso: string; relative?: boolean }) {
  const hydrated = useHydrated();
  const now = useNow(relative && hydrated ? 30_000 : null);
  const date = new Date(iso);
  return (
    <time dateTime={iso} suppressHydrationWarning>
      {hydrated ? formatter.format(date) : iso.slice(0, 16).replace("T", " ")}
      {relative && hydrated && now !== null ? ` (${ago(now - date.getTime())})` : null}
    </time>
  );
}

function ago(ms: number): string {
  return ms < 60_000 ? "just now" : `${describeDuration(ms)} ago`;
}

/** The current time, refreshed every `everyMs` (null: not needed). */
function useNow(everyMs: number | null): number | null {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    if (everyMs === null) return;
    setNow(Date.now());
    const timer = window.setInterval(() => setNow(Date.now()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);
  return now;
}
