import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/guards";
import { PageHeader } from "@/components/ui/card";

export const metadata: Metadata = { title: "Setup" };

export default async function SetupPage() {
  await requirePageActor("setup:own", "/setup");
  return <PageHeader title="Set up data push into Sage 50" lead="The guided setup is being prepared." />;
}
