"use client";
import { useEffect, useRef, type ReactNode } from "react";

/** The heading of the step shown last in this tab; null until the first step renders. */
let lastShownStep: string | null = null;

/**
 * The page's h1. When the client moves to another step without a full page load, focus moves here
 * so screen-reader and keyboard users start at the top of the new step (WCAG 2.4.3).
 */
export function StepHeading({ stepKey, children, id = "step-heading" }: { stepKey: string; children: ReactNode; id?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (lastShownStep !== null && lastShownStep !== stepKey) ref.current?.focus();
    lastShownStep = stepKey;
  }, [stepKey]);
  // A heading is not a control: as on GOV.UK, no focus ring when the page moves focus to it.
  return (
    <h1 ref={ref} id={id} tabIndex={-1} className="text-2xl font-bold text-slate-900 outline-none! sm:text-3xl">
      {children}
    </h1>
  );
}
