"use client";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { testSupplierName } from "@/lib/sage/test-supplier";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useWizardView } from "../use-wizard-view";
import { formatClock, spokenDuration, useElapsedSeconds } from "../use-elapsed";
import { CausesToCheck } from "./possible-causes";
import { TestPushFailure, TestPushSuccess } from "./test-push-outcome";
import { useTestPush } from "./use-test-push";

type Phase = "idle" | "running" | "success" | "failed";

/**
 * The verified test push: one button, live progress, and the outcome in plain words. Used by the
 * wizard's test-push step and the connection health page. A push already running when the page
 * loads is picked up and followed.
 */
export function TestPushPanel({ companyId, place }: { companyId: string; place: "wizard" | "health" }) {
  const { view } = useWizardView(companyId);
  const { push, running, query, start } = useTestPush(companyId);
  const current = push?.onCurrentConnection ? push : null;
  const phase: Phase = start.isPending || running ? "running" : current?.status === "success" ? "success" : current ? "failed" : "idle";

  // After a click, focus follows the panel's heading as it changes (progress, then the outcome).
  const clicked = useRef(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (clicked.current && phase !== "idle") headingRef.current?.focus();
  }, [phase]);

  const run = () => {
    clicked.current = true;
    start.mutate();
  };

  const since = running && push ? query.dataUpdatedAt - push.elapsedMs : undefined;
  const seconds = useElapsedSeconds(phase === "running", since);
  const announcement = useAnnouncement(phase, seconds, current?.diagnosis.title ?? null);
  const pushUsername = view.progress.pushUsername ?? view.suggestedPushUsername;

  return (
    <div className="space-y-5">
      <p role="status" aria-live="polite" aria-atomic="true" className="sr-only">
        {announcement}
      </p>

      {start.isError && start.error.code !== "test_push_running" ? (
        <Alert tone="error" title={start.error.status === 429 ? "Too many test pushes just now" : "The test push could not start"} role="alert">
          <p>
            {start.error.status === 429 && start.error.retryAfterSeconds
              ? `Wait ${spokenDuration(start.error.retryAfterSeconds)}, then try again.`
              : start.error.message}
          </p>
          {start.error.code === "connection_not_linked" ? (
            <p className="mt-2">
              <Link href={place === "wizard" ? "/setup" : "/setup/health"} className="font-semibold underline">
                {place === "wizard" ? "Go to the step that needs doing" : "Check the connection"}
              </Link>
            </p>
          ) : null}
        </Alert>
      ) : null}

      {phase === "idle" ? (
        <div className="rounded-xl border border-slate-200 bg-slate-50 p-5 sm:p-6">
          <p className="text-slate-800">
            We add one supplier to Sage 50, called <span className="font-semibold">“{testSupplierName(view.integratorName)}”</span>,
            and wait for the connector on your PC to write it. It usually takes under a minute.
          </p>
          <ul className="mt-3 list-disc space-y-1 pl-5 text-sm text-slate-700">
            <li>Keep the Sage 50 PC on, with the connector running.</li>
            <li>Sage 50 may stay open, as long as nobody is logged in to it as the push user ({pushUsername}).</li>
          </ul>
          {push && !push.onCurrentConnection ? (
            <p className="mt-3 text-sm text-slate-700">Your last test push was on an earlier connection, so it does not count for this one.</p>
          ) : null}
          <Button onClick={run} disabled={start.isPending} className="mt-5 px-8 py-3.5 text-lg">
            Run test push
          </Button>
        </div>
      ) : null}

      {phase === "running" ? (
        <div className="rounded-xl border border-brand-600/30 bg-brand-50 p-5 sm:p-6">
          <h3 ref={headingRef} tabIndex={-1} className="text-lg font-bold text-slate-900 outline-none!">
            Test push running
          </h3>
          <p className="mt-2 flex flex-wrap items-baseline justify-between gap-2 text-slate-800">
            <span>Waiting for the connector on your PC to write the test supplier…</span>
            <span className="font-mono text-lg font-bold tabular-nums">{formatClock(seconds)}</span>
          </p>
          <div
            role="progressbar"
            aria-label="Test push progress"
            aria-valuetext={`Waiting for the connector, ${spokenDuration(seconds)}`}
            className="mt-3 h-2.5 overflow-hidden rounded-full bg-white ring-1 ring-brand-600/20"
          >
            <div className="h-full w-1/3 rounded-full bg-brand-600 animate-[wizard-indeterminate_1.6s_ease-in-out_infinite] motion-reduce:w-full motion-reduce:animate-none motion-reduce:opacity-50" />
          </div>
          {push ? (
            <p className="mt-3 text-sm text-slate-700">
              Test supplier <span className="font-mono font-semibold">{push.supplierRef}</span>, “{push.supplierName}”.
            </p>
          ) : null}
          {push?.diagnosis.code === "push_slow" ? (
            <div className="mt-4 rounded-lg border border-amber-600/40 bg-amber-50 p-4 text-amber-950">
              <p className="font-semibold">{push.diagnosis.title}</p>
              <p className="mt-1 text-sm">{push.diagnosis.explanation}</p>
              <ol className="mt-2 list-decimal space-y-1 pl-5 text-sm">
                {push.diagnosis.clientSteps.map((s) => (
                  <li key={s}>{s}</li>
                ))}
              </ol>
              <div className="mt-3">
                <CausesToCheck heading="What may be holding it up" candidates={push.diagnosis.candidates} />
              </div>
            </div>
          ) : (
            <p className="mt-1 text-sm text-slate-700">This usually takes less than a minute. This page updates by itself.</p>
          )}
        </div>
      ) : null}

      {phase === "success" && current ? (
        <TestPushSuccess
          push={current}
          headingRef={headingRef}
          integratorName={view.integratorName}
          pushUsername={pushUsername}
          compact={place === "health"}
        />
      ) : null}
      {phase === "failed" && current ? (
        <TestPushFailure
          push={current}
          headingRef={headingRef}
          integratorName={view.integratorName}
          pushUsername={pushUsername}
          onRetry={run}
          retrying={start.isPending}
          supportContact={view.supportContact}
        />
      ) : null}
      {phase === "success" ? (
        <Button variant="secondary" onClick={run} disabled={start.isPending}>
          Run another test push
        </Button>
      ) : null}
    </div>
  );
}

/** What the polite live region says: the start, then at most every 10 seconds, then the outcome. */
function useAnnouncement(phase: Phase, seconds: number, outcomeTitle: string | null): string {
  const [text, setText] = useState("");
  // An outcome already there when the page loads is on screen, not news: only changes are announced.
  const [phaseOnLoad] = useState(phase);
  const changed = useRef(false);
  const bucket = Math.floor(seconds / 10);
  useEffect(() => {
    if (!changed.current && phase === phaseOnLoad && phase !== "running") return;
    changed.current = true;
    if (phase === "running") {
      setText(
        bucket === 0
          ? "Test push started. Waiting for the connector on your PC to write the test supplier."
          : `Still waiting for the connector: ${spokenDuration(bucket * 10)}.`,
      );
    } else if (phase === "success") {
      setText(`Test push succeeded. ${outcomeTitle ?? ""}`);
    } else if (phase === "failed") {
      setText(`Test push did not work. ${outcomeTitle ?? ""}`);
    }
  }, [phase, bucket, outcomeTitle, phaseOnLoad]);
  return text;
}
