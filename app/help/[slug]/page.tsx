import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { helpTopicBySlug } from "@/lib/sage/help-topics";
import { HelpTopicArticle } from "@/components/wizard/help/help-topic-article";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const topic = helpTopicBySlug((await params).slug);
  return topic ? { title: topic.title, description: topic.summary } : { title: "Setup help" };
}

/** One help topic (public: linked from the wizard, the support console and emails). */
export default async function HelpTopicPage({ params }: Props) {
  const topic = helpTopicBySlug((await params).slug);
  if (!topic) notFound();
  return <HelpTopicArticle topic={topic} />;
}
