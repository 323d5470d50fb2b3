"use client";
import Link from "next/link";
import { useState, type ReactNode } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { WizardView } from "@/lib/setup/wizard-view";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button, ButtonLink } from "@/components/ui/button";
import { LocalTime } from "../local-time";
import { TestPushPanel } from "../test-push/test-push-panel";
import { useWizardView } from "../use-wizard-view";
import type { ApiError } from "@/components/api/fetch-json";
import { setPush, setupQueryKey, type SetPushResponse } from "../wizard-api";
import { CONNECTION_WORDS } from "./connection-words";


/** Connection health for the client, any time after setup: status, push on/off, and the test push. */
export function HealthPanel({ companyId }: { companyId: string }) {
  const { view } = useWizardView(companyId);
  const { connection } = view.company;
  const status = CONNECTION_WORDS[connection.status ?? "PendingAuth"];
  const setupDone = view.steps.every((s) => s.state === "done" || s.key === "enable-push");

  return (
    <div className="space-y-6">
      {!setupDone ? (
        <Alert tone="info" title="Your setup is not finished">
          <p>
            Some steps still need doing before data can be written to Sage 50.{" "}
            <Link href="/setup" className="font-semibold underline underline-offset-2">
              Continue the setup
            </Link>
          </p>
        </Alert>
      ) : null}

      <div className="grid gap-6 md:grid-cols-2">
        <section aria-labelledby="connection-heading" className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h2 id="connection-heading" className="text-lg font-bold text-slate-900">
              Connection
            </h2>
            <Badge tone={status.tone}>{status.label}</Badge>
          </div>
          <p className="mt-2 text-slate-700">{status.words}</p>
          <dl className="mt-4 space-y-3 text-sm">
            <Row label="Sage 50 company">{connection.reportedCompanyName ?? view.company.name}</Row>
            <Row label="Base currency">{connection.baseCurrency ?? "Not reported yet"}</Row>
            <Row label="Last sync">{connection.lastSyncAt ? <LocalTime iso={connection.lastSyncAt} relative /> : "Not yet"}</Row>
            <Row label="Push user">{view.progress.pushUsername ?? "Not recorded"}</Row>
          </dl>
        </section>
        <PushSwitch view={view} />
      </div>

      <section aria-labelledby="test-push-heading" className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        <h2 id="test-push-heading" className="text-lg font-bold text-slate-900">
          Test push
        </h2>
        <p className="mt-1 max-w-3xl text-slate-700">
          Changed PC, reinstalled the connector or changed the push user&apos;s password? Run a test push to check that data still
          reaches Sage 50.
        </p>
        <div className="mt-5">
          <TestPushPanel companyId={companyId} place="health" />
        </div>
      </section>
    </div>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex flex-wrap justify-between gap-x-4 border-b border-slate-100 pb-2">
      <dt className="font-semibold text-slate-600">{label}</dt>
      <dd className="text-right text-slate-900">{children}</dd>
    </div>
  );
}

function PushSwitch({ view }: { view: WizardView }) {
  const client = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const turnOff = useMutation<SetPushResponse, ApiError, void>({
    mutationFn: () => setPush(view.company.id, { enabled: false }),
    onSuccess: async () => {
      setConfirming(false);
      await client.invalidateQueries({ queryKey: setupQueryKey(view.company.id) });
    },
  });
  const on = view.company.pushEnabled;
  const blockers = view.readiness.reasons.filter((r) => r.code !== "push_not_enabled");

  return (
    <section aria-labelledby="push-heading" className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="push-heading" className="text-lg font-bold text-slate-900">
          Data push
        </h2>
        <Badge tone={on ? (view.readiness.ready ? "success" : "warning") : "neutral"}>{on ? "On" : "Off"}</Badge>
      </div>
      <p className="mt-2 text-slate-700">
        {on
          ? `${view.integratorName} may write data into Sage 50.`
          : `${view.integratorName} does not write data into Sage 50 until data push is turned on.`}
      </p>
      {blockers.length > 0 ? (
        <ul className="mt-3 list-disc space-y-1 pl-5 text-sm text-amber-900">
          {blockers.map((b) => (
            <li key={b.code}>{b.message}</li>
          ))}
        </ul>
      ) : null}
      <div role="status" className="sr-only">
        {turnOff.isSuccess && !on ? "Data push is off." : ""}
      </div>
      <div className="mt-5">
        {on && !confirming ? (
          <Button variant="secondary" onClick={() => setConfirming(true)}>
            Turn off data push
          </Button>
        ) : null}
        {on && confirming ? (
          <div className="space-y-3 rounded-lg border border-red-600/40 bg-red-50 p-4 text-red-950">
            <p className="font-semibold">Turn off data push?</p>
            <p className="text-sm">{view.integratorName} stops writing to Sage 50 until it is turned on again, after a new test push.</p>
            <div className="flex flex-wrap gap-3">
              <Button variant="danger" onClick={() => turnOff.mutate()} disabled={turnOff.isPending}>
                {turnOff.isPending ? "Turning off…" : "Yes, turn off data push"}
              </Button>
              <Button variant="secondary" onClick={() => setConfirming(false)}>
                Cancel
              </Button>
            </div>
          </div>
        ) : null}
        {!on ? (
          <ButtonLink href="/setup/enable-push" variant="secondary">
            Turn on data push
          </ButtonLink>
        ) : null}
        {turnOff.isError ? (
          <p role="alert" className="mt-3 text-sm font-medium text-red-700">
            {turnOff.error.message}
          </p>
        ) : null}
      </div>
    </section>
  );
}
