"use client";

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";

type ChartSeries = { key: string; label: string; color: string };

export type BarChartProps = {
  /** One object per bar (or stack): its category under `categoryKey`, a number per series key. */
  data: Record<string, string | number>[];
  categoryKey: string;
  series: ChartSeries[];
  stacked?: boolean;
  /** Bars left to right along the category axis (the funnel), instead of up from it. */
  horizontal?: boolean;
  width: number;
  height: number;
};

/**
 * A bar chart drawn by recharts, at a fixed size (drawn in the browser). The figure around it gives
 * its accessible name and the same numbers as a table; the chart itself is an image to assistive
 * technology (no keyboard layer of its own).
 */
export default function BarChartClient({ data, categoryKey, series, stacked = false, horizontal = false, width, height }: BarChartProps) {
  return (
    <BarChart
      data={data}
      width={width}
      height={height}
      layout={horizontal ? "vertical" : "horizontal"}
      accessibilityLayer={false}
      margin={{ top: 8, right: 24, bottom: 8, left: horizontal ? 24 : 0 }}
    >
      <CartesianGrid strokeDasharray="3 3" stroke="#cbd5e1" />
      {horizontal ? (
        <>
          <XAxis type="number" allowDecimals={false} stroke="#334155" />
          <YAxis type="category" dataKey={categoryKey} width={110} stroke="#334155" />
        </>
      ) : (
        <>
          <XAxis dataKey={categoryKey} stroke="#334155" />
          <YAxis allowDecimals={false} stroke="#334155" />
        </>
      )}
      <Tooltip />
      {series.length > 1 ? <Legend /> : null}
      {series.map((s) => (
        <Bar key={s.key} dataKey={s.key} name={s.label} fill={s.color} stackId={stacked ? "stack" : undefined} isAnimationActive={false} />
      ))}
    </BarChart>
  );
}
