import type { ChecklistStep } from "@/lib/support/company-checklist";
import type { StepReached } from "@/lib/support/step-reached";
import { Card } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { ResetStepButton } from "./reset-step-client";
import { formatDateTime } from "./format";

const STATE = {
  done: { label: "Done", tone: "success", mark: "✓", ring: "bg-emerald-600 text-white" },
  current: { label: "Current step", tone: "info", mark: "•", ring: "bg-brand-600 text-white" },
  locked: { label: "Not reached", tone: "neutral", mark: "", ring: "border border-slate-300 bg-white text-slate-600" },
} as const;

/** The wizard's steps for this company, each with its state, evidence and (where it makes sense) a reset. */
export function ChecklistCard({
  companyId,
  steps,
  reached,
  pushEnabled,
  canReset,
}: {
  companyId: string;
  steps: ChecklistStep[];
  reached: StepReached;
  pushEnabled: boolean;
  canReset: boolean;
}) {
  return (
    <Card>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="text-lg font-bold text-slate-900">Checklist</h2>
        <p className="text-sm text-slate-700">
          {reached.complete ? "Setup complete" : `On step ${reached.number} of ${reached.of}: ${reached.title}`}
        </p>
      </div>
      <ol className="mt-4 space-y-4">
        {steps.map((step, i) => {
          const s = STATE[step.state];
          const resettable = canReset && step.resettable;
          return (
            <li key={step.key} className="flex gap-3">
              <span aria-hidden="true" className={`grid h-7 w-7 shrink-0 place-items-center rounded-full text-sm font-bold ${s.ring}`}>
                {s.mark || i + 1}
              </span>
              <div className="min-w-0 flex-1">
                <div className="flex flex-wrap items-center gap-2">
                  <h3 className="font-semibold text-slate-900">{step.title}</h3>
                  <Badge tone={s.tone}>{s.label}</Badge>
                </div>
                <p className="text-sm text-slate-700">
                  {[step.detail, step.doneAt ? `Done ${formatDateTime(step.doneAt)}` : null].filter(Boolean).join(" · ") || "—"}
                </p>
                {resettable ? (
                  <div className="mt-2">
                    <ResetStepButton companyId={companyId} step={step.key} title={step.title} pushEnabled={pushEnabled} />
                  </div>
                ) : null}
              </div>
            </li>
          );
        })}
      </ol>
    </Card>
  );
}
