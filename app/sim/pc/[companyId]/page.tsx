import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SimulatedPc } from "@/components/simulator/simulated-pc";
import { loadSimulatedPcPage } from "@/lib/simulator/pc/load-pc-page";

export const metadata: Metadata = { title: "Simulated PC" };

/** The simulator's stand-in for the client's Windows PC (Sage 50 and the connector). 404 in live mode. */
export default async function SimulatedPcPage({ params }: { params: Promise<{ companyId: string }> }) {
  const { companyId } = await params;
  const state = await loadSimulatedPcPage(companyId);
  if (!state) notFound();
  return <SimulatedPc initialState={state} />;
}
