import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/guards";
import { PageHeader } from "@/components/ui/card";

export const metadata: Metadata = { title: "Support" };

export default async function SupportPage() {
  await requirePageActor("company:read", "/support");
  return <PageHeader title="Setups" lead="Every client setup, its state, and what is wrong when something is." />;
}
