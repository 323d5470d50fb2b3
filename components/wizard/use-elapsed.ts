"use client";
import { useEffect, useState } from "react";

/** Seconds since `since` (epoch ms; defaults to when the hook started), ticking once a second while `running`. */
export function useElapsedSeconds(running: boolean, since?: number): number {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    if (!running) return;
    const start = since ?? Date.now();
    const tick = () => setSeconds(Math.max(0, Math.floor((Date.now() - start) / 1000)));
    tick();
    const timer = window.setInterval(tick, 1000);
    return () => window.clearInterval(timer);
  }, [running, since]);
  return seconds;
}

/** 75 → "1:15". */
export function formatClock(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

/** 75 → "1 minute 15 seconds", for screen readers. */
export function spokenDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const m = Math.floor(s / 60);
  const r = s % 60;
  const parts = [m > 0 ? `${m} minute${m === 1 ? "" : "s"}` : "", r > 0 || m === 0 ? `${r} second${r === 1 ? "" : "s"}` : ""];
  return parts.filter(Boolean).join(" ");
}
