"use client";
import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { WizardView } from "@/lib/setup/wizard-view";
import { CONNECTOR_FOLDER } from "@/lib/sage/help-words";
import { nextStepHref } from "./step-paths";
import { formatClock, useElapsedSeconds } from "./use-elapsed";
import { untilLinked, useWizardView } from "./use-wizard-view";

/** After this long without a link, the page suggests what to check. */
const SLOW_LINK_SECONDS = 180;
const MOVE_ON_DELAY_MS = 1_500;

type Status = WizardView["company"]["connection"]["status"];

function describe(status: Status, companyName: string | null): { badge: string; tone: BadgeTone; sentence: string } {
  switch (status) {
    case "Linked":
      return { badge: "Linked", tone: "success", sentence: `The connector is linked to ${companyName ?? "your company"}.` };
    case "Deauthorized":
      return { badge: "Removed", tone: "error", sentence: "The connector was removed from the PC. Install it again with the steps below." };
    case "Unlinked":
      return { badge: "Switched off", tone: "error", sentence: "This connection was switched off. Contact support for a new setup link." };
    case "PendingAuth":
    case null:
      return { badge: "Waiting", tone: "info", sentence: "Waiting for the connector to link your company file." };
  }
}

/**
 * The live connection status on the connector step. Polls while not linked; when the connector
 * links, says so and moves on to the next step by itself.
 */
export function ConnectorStatus({ companyId }: { companyId: string }) {
  const router = useRouter();
  const { view, query } = useWizardView(companyId, { refetchInterval: untilLinked });
  const linked = view.company.connection.status === "Linked";
  const [linkedOnArrival] = useState(linked);
  const waitedSeconds = useElapsedSeconds(!linked);
  const justLinked = linked && !linkedOnArrival;
  const nextHref = nextStepHref(view.company.flow, "connector");

  useEffect(() => {
    if (!justLinked) return;
    const timer = window.setTimeout(() => router.push(nextHref), MOVE_ON_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [justLinked, nextHref, router]);

  const { badge, tone, sentence } = describe(view.company.connection.status, view.company.connection.reportedCompanyName);
  const slow = !linked && waitedSeconds >= SLOW_LINK_SECONDS;
  const announcement = justLinked ? `${sentence} Moving on to the next step.` : slow ? `${sentence} It is taking a while: see what to try.` : sentence;

  return (
    <div className={`rounded-xl border p-5 ${linked ? "border-emerald-600/40 bg-emerald-50" : "border-slate-200 bg-slate-50"}`}>
      <div className="flex flex-wrap items-center gap-3">
        {linked ? <LinkedIcon /> : <Pulse />}
        <p className="text-sm font-semibold text-slate-700">Connection status</p>
        <Badge tone={tone}>{badge}</Badge>
        {!linked ? (
          <span className="ml-auto font-mono text-sm text-slate-600">
            <span className="sr-only">Watching for </span>
            {formatClock(waitedSeconds)}
          </span>
        ) : null}
      </div>
      <p role="status" aria-live="polite" aria-atomic="true" className="mt-2 min-h-6 text-base font-medium text-slate-900">
        {announcement}
      </p>
      {!linked ? (
        <p className="mt-1 text-sm text-slate-700">
          This page watches the connection and moves on by itself once the connector links. Keep it open while you install.
          {query.isError ? " We cannot reach the server just now; still trying." : ""}
        </p>
      ) : linkedOnArrival ? (
        <p className="mt-1 text-sm text-slate-700">Nothing more to do here.</p>
      ) : null}
      {slow ? (
        <div className="mt-4 rounded-lg border border-amber-600/40 bg-amber-50 p-4 text-amber-950">
          <p className="font-semibold">Nothing happening? What to try</p>
          <ol className="mt-2 list-decimal space-y-1 pl-5 text-sm">
            <li>Check the license key was pasted in full: all of it, with no spaces before or after.</li>
            <li>Check the installer finished, and that you confirmed the company on its last screen.</li>
            <li>
              Restart the connector: right-click its icon next to the clock (click ^ if hidden), open it and choose About &gt; Restart
              connector. No icon? Press Windows+R, type {CONNECTOR_FOLDER} and start the connector from there.
            </li>
            <li>Check the PC is online and not about to go to sleep.</li>
            <li>Still stuck? Contact {view.integratorName} support at {view.supportContact}.</li>
          </ol>
        </div>
      ) : null}
    </div>
  );
}

function Pulse() {
  return (
    <span aria-hidden="true" className="relative flex h-3 w-3">
      <span className="absolute inline-flex h-full w-full animate-ping rounded-full bg-brand-600 opacity-60 motion-reduce:hidden" />
      <span className="relative inline-flex h-3 w-3 rounded-full bg-brand-600" />
    </span>
  );
}

function LinkedIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" width="20" height="20" className="text-emerald-700" fill="none" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" strokeLinejoin="round">
      <path d="M4 10.5l4 4 8-9" />
    </svg>
  );
}
