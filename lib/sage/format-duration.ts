const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A rough duration in words for people: "less than a minute", "5 minutes", "3 hours", "2 days". */
export function describeDuration(ms: number): string {
  const safe = Math.max(0, ms);
  if (safe < MINUTE) return "less than a minute";
  if (safe < HOUR) return plural(Math.floor(safe / MINUTE), "minute");
  if (safe < 2 * DAY) return plural(Math.floor(safe / HOUR), "hour");
  return plural(Math.floor(safe / DAY), "day");
}

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? "" : "s"}`;
}
