import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { loadEmbedDemoPage } from "@/lib/embed/embed-demo-data";
import { EmbedDemoHost } from "@/components/embed/embed-demo-host";

export const metadata: Metadata = { title: "Embed demo" };

/** Demo mode only: a fake integrator page that opens a client's wizard with /embed.js and logs its events. */
export default async function EmbedDemoPage() {
  const page = await loadEmbedDemoPage();
  if (!page) notFound();
  return <EmbedDemoHost integratorName={page.integratorName} />;
}
