import { describeDuration } from "@/lib/sage/format-duration";

/** Times in the UK's clock (the product serves Sage 50 UK & IE), the same on the server and in the browser. */
const TIME_ZONE = "Europe/London";

const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: TIME_ZONE });

export function formatDateTime(iso: string | null | undefined): string {
  return iso ? dateTime.format(new Date(iso)) : "—";
}


/** "3 hours ago", "less than a minute ago". */
export function timeAgo(iso: string, now: Date): string {
  const ms = now.getTime() - new Date(iso).getTime();
  return ms < 0 ? "just now" : `${describeDuration(ms)} ago`;
}

export function formatElapsed(ms: number): string {
  if (ms < 1000) return "under a second";
  if (ms < 60_000) return `${Math.round(ms / 1000)} s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1000);
  return seconds ? `${minutes} min ${seconds} s` : `${minutes} min`;
}
