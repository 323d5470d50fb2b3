"use client";
import { useEffect, useRef } from "react";
import type { WizardView } from "@/lib/setup/wizard-view";
import { ButtonLink } from "@/components/ui/button";
import { BulletList } from "@/components/ui/bullet-list";
import { HEALTH_PATH } from "./step-paths";

/** The finished state: data push is on, and what happens from here. */
export function AllSet({ view, focusOnMount }: { view: WizardView; focusOnMount: boolean }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnMount) headingRef.current?.focus();
  }, [focusOnMount]);
  const pushUsername = view.progress.pushUsername ?? view.suggestedPushUsername;
  const next = [
    `${view.integratorName} starts sending data to ${view.company.connection.reportedCompanyName ?? view.company.name} as you use it.`,
    "Keep the Sage 50 PC on and the connector running. Data waits safely until they are.",
    `Open Sage 50 with your own login, never as the push user (${pushUsername}).`,
    "If Sage 50 is open, new records show once you refresh the list (click its filter twice).",
    "Changed PC, or the push user's password? Run a test push from the connection health page.",
  ];
  return (
    <div className="space-y-6">
      <div role="status" className="flex gap-4 rounded-xl border border-emerald-600/40 bg-emerald-50 p-6 text-emerald-950">
        <span aria-hidden="true" className="grid h-14 w-14 shrink-0 place-items-center rounded-full bg-emerald-700 text-white">
          <svg viewBox="0 0 20 20" width="28" height="28" fill="none" stroke="currentColor" strokeWidth="2.6" strokeLinecap="round" strokeLinejoin="round">
            <path d="M4 10.5l4 4 8-9" />
          </svg>
        </span>
        <div>
          <h2 ref={headingRef} tabIndex={-1} className="text-2xl font-bold outline-none!">
            You&apos;re all set
          </h2>
          <p className="mt-1 text-lg">Data push is on. {view.integratorName} can now write data into Sage 50.</p>
        </div>
      </div>
      <BulletList title="What happens next" items={next} />
      <ButtonLink href={HEALTH_PATH} className="px-6 py-3 text-base">
        Go to connection health <span aria-hidden="true">→</span>
      </ButtonLink>
    </div>
  );
}
