import Link from "next/link";
import type { Diagnosis, DiagnosisConfidence } from "@/lib/sage/diagnosis-codes";
import { Badge, type BadgeTone } from "@/components/ui/badge";

const SEVERITY: Record<Diagnosis["severity"], { label: string; tone: BadgeTone; border: string }> = {
  ok: { label: "Working", tone: "success", border: "border-l-emerald-600" },
  info: { label: "In progress", tone: "info", border: "border-l-brand-600" },
  warning: { label: "Needs attention", tone: "warning", border: "border-l-amber-500" },
  error: { label: "Problem", tone: "error", border: "border-l-red-600" },
};

const CONFIDENCE: Record<DiagnosisConfidence, string> = {
  certain: "Certain",
  likely: "Likely",
  possible: "Possible: no cause recognised",
};

/**
 * The most likely current problem (how sure, and why), what to tell the client, what to check, what
 * Codat said word for word, the other causes worth checking with why each fits, and the help pages.
 */
export function DiagnosisCard({ diagnosis }: { diagnosis: Diagnosis }) {
  const severity = SEVERITY[diagnosis.severity];
  return (
    <section aria-labelledby="diagnosis-heading" className={`rounded-xl border border-l-4 border-slate-200 bg-white p-6 shadow-sm ${severity.border}`}>
      <div className="flex flex-wrap items-center gap-2">
        <h2 id="diagnosis-heading" className="text-lg font-bold text-slate-900">
          Diagnosis: {diagnosis.title}
        </h2>
        <Badge tone={severity.tone}>{severity.label}</Badge>
        <Badge tone="neutral">{CONFIDENCE[diagnosis.confidence]}</Badge>
      </div>
      <p className="mt-2 text-slate-800">{diagnosis.explanation}</p>
      <p className="mt-2 text-sm text-slate-700">
        <span className="font-semibold">Why: </span>
        {diagnosis.reason}
      </p>
      {diagnosis.message ? (
        <p className="mt-2 text-sm text-slate-800">
          <span className="font-semibold">Message, as received: </span>
          <q className="break-words font-mono">{diagnosis.message}</q>
        </p>
      ) : null}
      <div className="mt-4 grid gap-6 md:grid-cols-2">
        <div>
          <h3 className="text-sm font-semibold uppercase tracking-wide text-slate-700">What to tell the client</h3>
          {diagnosis.clientSteps.length ? (
            <ol className="mt-2 list-decimal space-y-1 pl-5 text-sm text-slate-800">
              {diagnosis.clientSteps.map((step) => (
                <li key={step}>{step}</li>
              ))}
            </ol>
          ) : (
            <p className="mt-2 text-sm text-slate-700">Nothing: there is nothing for the client to do.</p>
          )}
        </div>
        <div>
          <h3 className="text-sm font-semibold uppercase tracking-wide text-slate-700">What to check</h3>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-slate-800">
            {diagnosis.supportChecks.map((check) => (
              <li key={check} className="break-words">
                {check}
              </li>
            ))}
          </ul>
        </div>
      </div>
      {diagnosis.candidates.length > 0 ? (
        <div className="mt-5">
          <h3 className="text-sm font-semibold uppercase tracking-wide text-slate-700">Other causes worth checking, most likely first</h3>
          <ol className="mt-2 list-decimal space-y-3 pl-5 text-sm text-slate-800">
            {diagnosis.candidates.map((candidate) => (
              <li key={candidate.code}>
                <Link href={`/help/${candidate.helpSlug}`} className="font-semibold text-brand-700 underline">
                  {candidate.title}
                </Link>
                <p className="mt-1">
                  <span className="font-semibold">Why it fits: </span>
                  {candidate.reason}
                </p>
                <p className="mt-1 font-semibold">Fix, for the client:</p>
                <ul className="list-disc space-y-0.5 pl-5">
                  {candidate.fix.map((step) => (
                    <li key={step}>{step}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        </div>
      ) : null}
      <p className="mt-4 text-sm">
        <Link href={`/help/${diagnosis.helpSlug}`} className="font-semibold text-brand-700 underline">
          Help page: {diagnosis.title}
        </Link>
        <span className="text-slate-600"> — the page to send the client</span>
      </p>
    </section>
  );
}
