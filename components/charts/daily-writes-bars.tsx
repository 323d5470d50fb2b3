"use client";
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import type { DailyWrites } from "./daily-writes-chart";

const SUCCEEDED_COLOUR = "#15803d";
const FAILED_COLOUR = "#b91c1c";

const shortDay = (day: string) => `${Number(day.slice(8, 10))}/${Number(day.slice(5, 7))}`;

/** The bars themselves (recharts, loaded apart so pages without a chart do not carry it). Drawn at a fixed size. */
export default function DailyWritesBars({ days, width, height }: { days: DailyWrites[]; width: number; height: number }) {
  return (
    <BarChart width={width} height={height} data={days} margin={{ top: 8, right: 8, bottom: 0, left: -16 }} accessibilityLayer={false}>
      <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
      <XAxis dataKey="day" tickFormatter={shortDay} tick={{ fontSize: 11, fill: "#334155" }} interval="preserveStartEnd" minTickGap={12} />
      <YAxis allowDecimals={false} tick={{ fontSize: 11, fill: "#334155" }} />
      <Tooltip labelFormatter={(day) => String(day)} />
      <Legend wrapperStyle={{ fontSize: 12 }} />
      <Bar dataKey="succeeded" name="Succeeded" stackId="writes" fill={SUCCEEDED_COLOUR} isAnimationActive={false} />
      <Bar dataKey="failed" name="Failed" stackId="writes" fill={FAILED_COLOUR} isAnimationActive={false} />
    </BarChart>
  );
}
