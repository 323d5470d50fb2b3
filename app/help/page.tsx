import type { Metadata } from "next";
import Link from "next/link";
import { HELP_TOPICS } from "@/lib/sage/help-topics";

export const metadata: Metadata = { title: "Setup help" };

/** Every help topic: one page per test-push result and per wizard question. Public. */
export default function HelpIndexPage() {
  const results = HELP_TOPICS.filter((t) => t.diagnosisCode !== null);
  const other = HELP_TOPICS.filter((t) => t.diagnosisCode === null);
  const groups = [
    { id: "results", title: "Test push results and connection problems", topics: results },
    { id: "more", title: "More about the setup", topics: other },
  ];
  return (
    <div className="mx-auto max-w-4xl">
      <header className="mb-8">
        <h1 className="text-3xl font-bold text-slate-900">Setup help</h1>
        <p className="mt-2 max-w-2xl text-lg text-slate-700">
          Connecting Sage 50 for data push, and what to do when something does not work. Each problem has its own page with the fix.
        </p>
      </header>
      <div className="space-y-10">
        {groups.map((group) => (
          <section key={group.id} aria-labelledby={`group-${group.id}`}>
            <h2 id={`group-${group.id}`} className="text-xl font-bold text-slate-900">
              {group.title}
            </h2>
            <ul className="mt-4 grid gap-3 sm:grid-cols-2">
              {group.topics.map((topic) => (
                <li key={topic.slug}>
                  <Link
                    href={`/help/${topic.slug}`}
                    className="block h-full rounded-xl border border-slate-200 bg-white p-5 shadow-sm hover:border-brand-600/50 hover:bg-brand-50"
                  >
                    <span className="block font-semibold text-brand-700 underline-offset-2">{topic.title}</span>
                    <span className="mt-1 block text-sm text-slate-700">{topic.summary}</span>
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </div>
  );
}
