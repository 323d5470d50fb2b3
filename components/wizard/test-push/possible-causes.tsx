import Link from "next/link";
import type { Diagnosis, DiagnosisCandidate } from "@/lib/sage/diagnosis-codes";

/**
 * The client's plan when the cause is not certain: "Most likely…", then "If that's not it, check…",
 * each cause with its fix. When no cause was recognised (`unknown_failure`), the first candidate is
 * the most likely one.
 */
export function PossibleCauses({ diagnosis }: { diagnosis: Diagnosis }) {
  const unknown = diagnosis.code === "unknown_failure";
  const [first, ...rest] = diagnosis.candidates;
  // The code's own title is already the panel's heading: repeating it would only say it twice.
  const mostLikely =
    unknown && first
      ? { heading: `Most likely: ${first.title}`, steps: first.fix }
      : { heading: diagnosis.confidence === "certain" ? "What to do" : "Most likely, this fixes it", steps: diagnosis.clientSteps };
  const others = unknown ? rest : diagnosis.candidates;
  return (
    <div className="space-y-4">
      {mostLikely.steps.length > 0 ? (
        <section className="rounded-lg bg-white p-4 text-slate-900 ring-1 ring-slate-300">
          <h4 className="font-bold">{mostLikely.heading}</h4>
          <ol className="mt-2 list-decimal space-y-2 pl-5">
            {mostLikely.steps.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
        </section>
      ) : null}
      <CausesToCheck heading="If that's not it, check…" candidates={others} />
      {unknown ? diagnosis.clientSteps.map((step) => <p key={step}>{step}</p>) : null}
    </div>
  );
}

/** Causes worth checking, each with its fix and its help page; nothing when there are none. */
export function CausesToCheck({ heading, candidates }: { heading: string; candidates: DiagnosisCandidate[] }) {
  if (candidates.length === 0) return null;
  return (
    <section className="rounded-lg bg-white p-4 text-slate-900 ring-1 ring-slate-300">
      <h4 className="font-bold">{heading}</h4>
      <ul className="mt-2 space-y-4">
        {candidates.map((candidate) => (
          <OtherCause key={candidate.code} candidate={candidate} />
        ))}
      </ul>
    </section>
  );
}

function OtherCause({ candidate }: { candidate: DiagnosisCandidate }) {
  return (
    <li>
      <p className="font-semibold">{candidate.title}</p>
      <ol className="mt-1 list-decimal space-y-1 pl-5 text-sm">
        {candidate.fix.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      <Link href={`/help/${candidate.helpSlug}`} className="mt-1 inline-block text-sm font-semibold text-brand-700 underline underline-offset-2">
        Help page<span className="sr-only">: {candidate.title}</span>
      </Link>
    </li>
  );
}
