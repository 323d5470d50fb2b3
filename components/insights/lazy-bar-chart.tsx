"use client";
import dynamic from "next/dynamic";
import type { BarChartProps } from "./bar-chart-client";

// Loaded on its own, after the page: recharts stays out of the insights page's first load.
const BarChartClient = dynamic(() => import("./bar-chart-client"), {
  ssr: false,
  loading: () => <div className="h-48 animate-pulse rounded bg-slate-100" />,
});

/** The insights charts' bars, drawn in the browser once recharts has loaded (see bar-chart-client.tsx). */
export function LazyBarChart(props: BarChartProps) {
  return <BarChartClient {...props} />;
}
