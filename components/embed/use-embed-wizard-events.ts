"use client";
import { useEffect } from "react";
import { embedEvent } from "@/lib/sage/embed-events";
import type { WizardView } from "@/lib/setup/wizard-view";
import { emitEmbedEvent, newlyDoneSteps } from "./embed-events";

/** A wizard step's events for the embedding page: the step viewed, steps completed, push enabled. */
export function useEmbedWizardEvents(view: WizardView, stepKey: string) {
  const companyId = view.company.id;
  useEffect(() => {
    emitEmbedEvent(embedEvent("step_viewed", companyId, { step: stepKey }));
  }, [companyId, stepKey]);

  const done = view.steps.filter((s) => s.state === "done").map((s) => s.key);
  const doneKey = done.join(",");
  useEffect(() => {
    for (const step of newlyDoneSteps(companyId, doneKey ? doneKey.split(",") : [])) emitEmbedEvent(embedEvent("step_completed", companyId, { step }));
  }, [companyId, doneKey]);

  const pushEnabled = view.company.pushEnabled;
  useEffect(() => {
    if (pushEnabled && newlyDoneSteps(`${companyId}:push`, ["enabled"]).length) emitEmbedEvent(embedEvent("push_enabled", companyId));
    if (!pushEnabled) newlyDoneSteps(`${companyId}:push`, []);
  }, [companyId, pushEnabled]);
}
