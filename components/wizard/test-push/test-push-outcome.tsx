"use client";
import Link from "next/link";
import type { Ref } from "react";
import type { TestPushView } from "@/lib/test-push/test-push-view";
import { Button } from "@/components/ui/button";
import { InstructionList } from "../instruction-list";
import { SuppliersRefreshFigure } from "./suppliers-refresh-figure";
import { SupportContact } from "../support-contact";
import { PossibleCauses } from "./possible-causes";
import { LocalTime } from "../local-time";
import { spokenDuration } from "../use-elapsed";

type Common = { push: TestPushView; headingRef: Ref<HTMLHeadingElement>; integratorName: string; pushUsername: string };

/**
 * A test push that worked: what happened, and how to see the supplier in an open Sage 50 (folded
 * away when `compact`, as on the health page).
 */
export function TestPushSuccess({ push, headingRef, integratorName, pushUsername, compact = false }: Common & { compact?: boolean }) {
  const guide = (
    <InstructionList
      label="See the test supplier in Sage 50"
      items={[
        { id: "open", title: "In Sage 50, open Suppliers." },
        {
          id: "refresh",
          title: "Click the filter button above the list twice to refresh it.",
          body: (
            <p>
              The supplier <span className="font-mono font-semibold">{push.supplierRef}</span> appears. It is only a test: delete it
              whenever you like.
            </p>
          ),
          figure: (
            <SuppliersRefreshFigure
              testSupplierId={push.supplierRef}
              testSupplierName={push.supplierName}
              integratorName={integratorName}
              pushUsername={pushUsername}
            />
          ),
        },
      ]}
    />
  );
  return (
    <div className="space-y-6">
      <div className="flex gap-4 rounded-xl border border-emerald-600/40 bg-emerald-50 p-5 text-emerald-950">
        <span aria-hidden="true" className="grid h-11 w-11 shrink-0 place-items-center rounded-full bg-emerald-700 text-white">
          <svg viewBox="0 0 20 20" width="22" height="22" fill="none" stroke="currentColor" strokeWidth="2.6" strokeLinecap="round" strokeLinejoin="round">
            <path d="M4 10.5l4 4 8-9" />
          </svg>
        </span>
        <div>
          <h3 ref={headingRef} tabIndex={-1} className="text-xl font-bold outline-none!">
            {push.diagnosis.title}
          </h3>
          <p className="mt-1">{push.diagnosis.explanation}</p>
          <p className="mt-2 text-sm">
            Test supplier <span className="font-mono font-bold">{push.supplierRef}</span>, “{push.supplierName}”
            {push.completedAt ? <>, written {push.elapsedMs < 1000 ? "in under a second" : `in ${spokenDuration(push.elapsedMs / 1000)}`}</> : null}.
          </p>
          {push.completedAt ? (
            <p className="mt-1 text-sm">
              Finished <LocalTime iso={push.completedAt} relative />.
            </p>
          ) : null}
        </div>
      </div>
      {compact ? (
        <details className="group rounded-xl border border-slate-200 bg-white">
          <summary className="cursor-pointer list-none rounded-xl px-5 py-4 font-semibold text-brand-700 hover:bg-slate-50">
            <span aria-hidden="true" className="mr-2 inline-block transition-transform group-open:rotate-90">
              ▸
            </span>
            How to see the test supplier in Sage 50
          </summary>
          <div className="border-t border-slate-200 px-5 py-6">{guide}</div>
        </details>
      ) : (
        <div>
          <h4 className="text-lg font-bold text-slate-900">See it in Sage 50</h4>
          <p className="mt-1 text-slate-700">If Sage 50 is open, its supplier list does not refresh by itself.</p>
          <div className="mt-4">{guide}</div>
        </div>
      )}
    </div>
  );
}

/** A test push that did not work: the cause in plain words, the fix, and Try again. */
export function TestPushFailure({
  push,
  headingRef,
  onRetry,
  retrying,
  supportContact,
}: Common & { onRetry: () => void; retrying: boolean; supportContact: string }) {
  const { diagnosis } = push;
  return (
    <div className="space-y-5 rounded-xl border border-red-600/40 bg-red-50 p-5 text-red-950 sm:p-6">
      <div className="flex gap-4">
        <span aria-hidden="true" className="grid h-11 w-11 shrink-0 place-items-center rounded-full bg-red-700 text-xl font-bold text-white">
          !
        </span>
        <div>
          <p className="text-sm font-semibold uppercase tracking-wide">{push.status === "timed_out" ? "Test push timed out" : "Test push failed"}</p>
          <h3 ref={headingRef} tabIndex={-1} className="text-xl font-bold outline-none!">
            {diagnosis.title}
          </h3>
          <p className="mt-1">{diagnosis.explanation}</p>
          {push.followingUntil ? (
            <p className="mt-2 text-sm">
              A push can still reach Sage 50 after it timed out, so we keep asking Codat about this one until{" "}
              <LocalTime iso={push.followingUntil} />. If it arrives, this page shows it, and Try again reports it instead of sending a
              second test supplier.
            </p>
          ) : null}
        </div>
      </div>
      {diagnosis.message && diagnosis.code !== "unknown_failure" ? (
        <p className="text-sm">
          The message we received: <q className="break-words font-mono">{diagnosis.message}</q>
        </p>
      ) : null}
      <PossibleCauses diagnosis={diagnosis} />
      <div className="flex flex-wrap items-center gap-4">
        {diagnosis.retryable ? (
          <Button onClick={onRetry} disabled={retrying} className="px-6 py-3 text-base">
            {retrying ? "Starting…" : "Try again"}
          </Button>
        ) : (
          <p>
            Contact support: <SupportContact contact={supportContact} />
          </p>
        )}
        <Link href={`/help/${diagnosis.helpSlug}`} className="font-semibold text-brand-700 underline underline-offset-2 hover:text-brand-800">
          Read more<span className="sr-only">: {diagnosis.title}</span>
        </Link>
      </div>
    </div>
  );
}
