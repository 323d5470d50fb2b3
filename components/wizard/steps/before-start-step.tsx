import type { ReactNode } from "react";
import type { WizardView } from "@/lib/setup/wizard-view";
import type { WizardStepKey } from "@/lib/sage/steps";
import type { Sage50VersionNotes } from "@/lib/sage/sage-version-notes";
import { stepsForFlow } from "@/lib/sage/steps";
import { StepSection } from "../instruction-list";
import { HandoffPanel } from "../handoff-panel";
import { ContinueStepButton } from "../continue-step-button";

type Outline = { what: string; minutes: string };

function outlineFor(view: WizardView): Partial<Record<WizardStepKey, Outline>> {
  const upgrade = view.company.flow === "upgrade";
  return {
    "push-user": { what: "Create a Sage 50 user that only the connector logs in with, the “push user”.", minutes: "5 min" },
    connector: { what: "Download the Sage 50 connector, install it with your license key and link your company file.", minutes: "5–10 min" },
    credentials: upgrade
      ? { what: "Open the connector you already have and swap its login for the push user's.", minutes: "3 min" }
      : { what: "Check the connector uses the push user and confirm it found the right company.", minutes: "2 min" },
    "test-push": { what: `We write one small test supplier into Sage 50 to prove it works.`, minutes: "1 min" },
    "enable-push": { what: `Switch on data push so ${view.integratorName} can send data to Sage 50.`, minutes: "1 min" },
  };
}

type Requirement = { title: string; body: ReactNode; icon: ReactNode; notes?: Sage50VersionNotes };

const requirements: Requirement[] = [
  {
    title: "The Windows PC that runs Sage 50",
    body: "Windows 10 or 11. The connector is installed on this PC, and it needs to be on and online when data is sent. Installing it needs Windows administrator rights, and a firewall must let it reach the internet.",
    icon: <path d="M3 5h18v11H3zM8 20h8M12 16v4" />,
  },
  {
    title: "Sage 50 Accounts v22 (2016) or later",
    body: "One of the three latest versions, UK or Ireland edition. Help > About in Sage 50 shows yours.",
    icon: <path d="M6 3h9l4 4v14H6zM14 3v5h5M9 13h7M9 17h5" />,
  },
  {
    title: "A Sage 50 login that can create users",
    body: "MANAGER, or another Administrator. You use it once, to create the push user.",
    icon: <path d="M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4 21a8 8 0 0 1 16 0" />,
  },
  {
    title: "Sage 50 installed on your own PC",
    body: "Hosted Sage 50 (for example Online50, used through a remote desktop) cannot be connected this way. Contact support if that is you.",
    icon: <path d="M12 3l9 16H3zM12 10v4M12 17h.01" />,
  },
];

/** Codat's own notes on Sage 50 versions for this connection, or the documented minimum. */
function VersionNotes({ notes }: { notes: Sage50VersionNotes }) {
  return (
    <div className="mt-2 rounded-md border border-slate-200 bg-slate-50 p-3 text-sm text-slate-700" data-testid="sage-version-notes">
      <p className="font-semibold text-slate-900">{notes.source === "codat" ? "What Codat says about Sage 50 versions for your connection" : "Which versions can receive data"}</p>
      <ul className="mt-1 list-disc space-y-1 pl-5">
        {notes.notes.map((note) => (
          <li key={note}>{note}</li>
        ))}
      </ul>
      {notes.source === "codat" ? <p className="mt-1">If your version is older, upgrade Sage 50 first, then re-sync the company in the connector.</p> : null}
    </div>
  );
}

/** Step 1: what will happen, what is needed, and handing the setup over to the Sage 50 PC. */
export function BeforeStartStep({ view, versionNotes }: { view: WizardView; versionNotes?: Sage50VersionNotes }) {
  const outline = outlineFor(view);
  const needs = requirements.map((r) => (r.title.startsWith("Sage 50 Accounts") && versionNotes ? { ...r, notes: versionNotes } : r));
  const rows = stepsForFlow(view.company.flow).flatMap((s) => {
    const o = outline[s.key];
    return o ? [{ key: s.key, title: s.title, ...o }] : [];
  });
  return (
    <>
      <StepSection id="what-happens" title="What will happen" description="About 15–20 minutes in all. You can stop after any step and carry on later.">
        <ol start={2} className="grid gap-3 sm:grid-cols-2">
          {rows.map((row, i) => (
            <li key={row.key} className="flex gap-3 rounded-lg border border-slate-200 bg-slate-50 p-4">
              <span aria-hidden="true" className="grid h-8 w-8 shrink-0 place-items-center rounded-full bg-white font-bold text-brand-700 ring-1 ring-brand-600/30">
                {i + 2}
              </span>
              <div>
                <p className="font-semibold text-slate-900">{row.title}</p>
                <p className="mt-0.5 text-xs font-semibold uppercase tracking-wide text-slate-600">About {row.minutes}</p>
                <p className="mt-1 text-sm text-slate-700">{row.what}</p>
              </div>
            </li>
          ))}
        </ol>
      </StepSection>

      <StepSection id="what-you-need" title="What you need">
        <ul className="grid gap-4 sm:grid-cols-2">
          {needs.map((r) => (
            <li key={r.title} className="flex gap-3">
              <svg aria-hidden="true" viewBox="0 0 24 24" width="28" height="28" className="mt-0.5 shrink-0 text-brand-700" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
                {r.icon}
              </svg>
              <div>
                <p className="font-semibold text-slate-900">{r.title}</p>
                <p className="mt-0.5 text-sm text-slate-700">{r.body}</p>
                {r.notes ? <VersionNotes notes={r.notes} /> : null}
              </div>
            </li>
          ))}
        </ul>
        <p className="text-sm text-slate-700">
          You will never be asked for a Sage 50 password on this page. Passwords only go into Sage 50 and the connector, on your PC.
        </p>
      </StepSection>

      <StepSection id="handoff" title="Open this on the Sage 50 PC">
        <HandoffPanel companyId={view.company.id} />
      </StepSection>

      <div className="flex flex-wrap items-center gap-4 border-t border-slate-200 pt-6">
        <ContinueStepButton companyId={view.company.id} label="Continue" />
        <p className="text-sm text-slate-600">Next: create the push user in Sage 50. Best done on the Sage 50 PC.</p>
      </div>
    </>
  );
}
