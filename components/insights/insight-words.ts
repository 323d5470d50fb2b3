import { describeDuration } from "@/lib/sage/format-duration";

/** "30 Nov": a week by its Monday. */
export function weekLabel(week: string): string {
  return new Date(`${week}T00:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
}

/** A duration in seconds for people, or a dash when there is none. */
export function durationLabel(seconds: number | null): string {
  return seconds === null ? "—" : describeDuration(seconds * 1000);
}

/** Distinct fills for stacked causes (the table carries the same numbers for anyone who cannot tell them apart). */
const PALETTE = ["#1d4ed8", "#b91c1c", "#047857", "#a16207", "#7c3aed", "#0e7490", "#be185d", "#4d7c0f", "#c2410c", "#475569"];

export function seriesColor(index: number): string {
  return PALETTE[index % PALETTE.length]!;
}
