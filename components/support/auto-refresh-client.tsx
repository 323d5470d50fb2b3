"use client";
import { useEffect } from "react";
import { useRouter } from "next/navigation";

/** While a test push runs, re-reads the page's server data every few seconds (stops when it is done). */
export function AutoRefresh({ active, intervalMs = 3000 }: { active: boolean; intervalMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => router.refresh(), intervalMs);
    return () => clearInterval(timer);
  }, [active, intervalMs, router]);
  return null;
}
