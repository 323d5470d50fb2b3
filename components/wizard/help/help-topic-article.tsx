import Link from "next/link";
import type { HelpTopic } from "@/lib/sage/help-topics";

/** One help page: what it means, why it happens, what to do, and what support checks. */
export function HelpTopicArticle({ topic }: { topic: HelpTopic }) {
  return (
    <article aria-labelledby="help-title" className="mx-auto max-w-3xl">
      <nav aria-label="Breadcrumb" className="mb-4 text-sm">
        <ol className="flex flex-wrap gap-2 text-slate-600">
          <li>
            <Link href="/help" className="font-semibold text-brand-700 underline underline-offset-2">
              Setup help
            </Link>
            <span aria-hidden="true" className="ml-2">
              /
            </span>
          </li>
          <li aria-current="page">{topic.title}</li>
        </ol>
      </nav>
      <div className="rounded-xl border border-slate-200 bg-white shadow-sm">
        <header className="border-b border-slate-200 px-6 py-6 sm:px-8">
          <h1 id="help-title" className="text-2xl font-bold text-slate-900 sm:text-3xl">
            {topic.title}
          </h1>
          <p className="mt-2 text-lg text-slate-700">{topic.summary}</p>
        </header>
        <div className="space-y-8 px-6 py-6 sm:px-8 sm:py-8">
          <section aria-labelledby="why">
            <h2 id="why" className="text-xl font-bold text-slate-900">
              Why this happens
            </h2>
            <p className="mt-2 text-slate-800">{topic.why}</p>
          </section>
          <section aria-labelledby="fix">
            <h2 id="fix" className="text-xl font-bold text-slate-900">
              What to do
            </h2>
            <ol className="mt-4 space-y-4">
              {topic.fixSteps.map((step, i) => (
                <li key={step} className="flex gap-4">
                  <span aria-hidden="true" className="grid h-8 w-8 shrink-0 place-items-center rounded-full bg-brand-600 font-bold text-white">
                    {i + 1}
                  </span>
                  <span className="pt-1 text-slate-800">{step}</span>
                </li>
              ))}
            </ol>
          </section>
          <section aria-labelledby="support" className="rounded-lg border border-slate-200 bg-slate-50 p-5">
            <h2 id="support" className="text-lg font-bold text-slate-900">
              For support staff
            </h2>
            <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-slate-800">
              {topic.supportChecks.map((check) => (
                <li key={check}>{check}</li>
              ))}
            </ul>
          </section>
        </div>
      </div>
      <p className="mt-6 text-slate-700">
        <Link href="/setup" className="font-semibold text-brand-700 underline underline-offset-2">
          Back to your setup
        </Link>{" "}
        (you may be asked for your setup link or code).
      </p>
    </article>
  );
}
