"use client";
import type { ReactNode } from "react";
import { useForm, type UseFormRegisterReturn } from "react-hook-form";
import type { z } from "zod/mini";
import type { credentialsSchema } from "@/lib/setup/wizard-step-schemas";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/badge";
import { useSaveStep } from "./use-save-step";
import { LocalTime } from "./local-time";
import { untilLinked, useWizardView } from "./use-wizard-view";
import { lazyResolver } from "./lazy-resolver";

const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

type Values = z.input<typeof credentialsSchema>;

/** The API route's schema for this step (both boxes ticked), loaded when the client first reaches into the form. */
const credentials = lazyResolver(() => import("./step-form-resolvers").then((m) => m.credentialsResolver));

/** The company the connector reported, and the two confirmations that finish the credentials step. */
export function CredentialsForm({ companyId }: { companyId: string }) {
  const { view } = useWizardView(companyId, { refetchInterval: untilLinked });
  const { connection, name, flow } = view.company;
  const linked = connection.status === "Linked";
  const reported = connection.reportedCompanyName;
  const mismatch = reported !== null && !sameName(reported, name);
  const pushUsername = view.progress.pushUsername ?? view.suggestedPushUsername;
  const done = view.steps.find((s) => s.key === "credentials")?.state === "done";

  const form = useForm<Values>({
    resolver: credentials.resolver,
    defaultValues: done ? { pushUserEntered: true, companyConfirmed: true } : {},
  });
  const { register, handleSubmit, formState } = form;
  const save = useSaveStep<{ pushUserEntered: true; companyConfirmed: true }>(companyId, "credentials");
  const onSubmit = handleSubmit(() => save.mutate({ pushUserEntered: true, companyConfirmed: true }));
  const errors = formState.errors;

  return (
    <div className="space-y-6">
      {!linked ? (
        <Alert tone="warning" title="The connector is not linked right now" role="status">
          <p>
            We cannot see a linked connector for this company, so there is nothing to confirm yet. On the Sage 50 PC, check the PC is on
            and online and that the connector is running (right-click its icon next to the clock, open it, About &gt; Restart connector).
            This page checks again every few seconds.
          </p>
        </Alert>
      ) : (
        <div className="rounded-xl border border-slate-200 bg-slate-50 p-5">
          <div className="flex flex-wrap items-center gap-2">
            <h3 className="text-lg font-bold text-slate-900">The company the connector found</h3>
            <Badge tone="success">Linked</Badge>
          </div>
          <dl className="mt-3 grid gap-x-8 gap-y-3 sm:grid-cols-2">
            <div>
              <dt className="text-sm font-semibold text-slate-600">Company name in Sage 50</dt>
              <dd className="text-lg font-bold text-slate-900">{reported ?? "Not reported yet"}</dd>
            </div>
            <div>
              <dt className="text-sm font-semibold text-slate-600">Base currency</dt>
              <dd className="text-lg font-bold text-slate-900">{connection.baseCurrency ?? "Not reported yet"}</dd>
            </div>
            <div>
              <dt className="text-sm font-semibold text-slate-600">This setup is for</dt>
              <dd className="text-slate-900">{name}</dd>
            </div>
            <div>
              <dt className="text-sm font-semibold text-slate-600">Last sync</dt>
              <dd className="text-slate-900">{connection.lastSyncAt ? <LocalTime iso={connection.lastSyncAt} relative /> : "Not yet"}</dd>
            </div>
          </dl>
          {reported === null ? (
            <p className="mt-3 text-sm text-slate-700">
              The connector has not told us the company&apos;s name yet. Check the name the connector showed on its confirmation screen.
            </p>
          ) : null}
        </div>
      )}

      {linked && mismatch ? (
        <Alert tone="warning" title={`The names differ: “${reported}” in Sage 50, “${name}” here`}>
          {flow === "upgrade" ? (
            <p>
              Your connector is linked to the company file called “{reported}”. If that is the same business under another name, you
              can confirm. If it is a different company file, do not confirm: contact support, who will link the right file with you.
            </p>
          ) : (
            <p>
              If that is the same business under another name, you can confirm. If the connector picked the wrong company file, do not
              confirm: open the connector, remove this connection and link again, choosing the right data file; or contact support.
            </p>
          )}
        </Alert>
      ) : null}

      <form onSubmit={onSubmit} onFocus={credentials.preload} onPointerDown={credentials.preload} noValidate className="space-y-4">
        <fieldset className="space-y-4">
          <legend className="text-sm font-semibold text-slate-800">Confirm both to carry on</legend>
          <CheckRow
            id="push-user-entered"
            error={errors.pushUserEntered?.message}
            label={
              <>
                The connector logs in as the push user <span className="font-mono font-bold">{pushUsername}</span>, not an everyday login.
              </>
            }
            input={register("pushUserEntered")}
          />
          <CheckRow
            id="company-confirmed"
            error={errors.companyConfirmed?.message}
            label={<>{reported ? <>“{reported}” is</> : <>The connector is linked to</>} the right Sage 50 company.</>}
            input={register("companyConfirmed")}
          />
        </fieldset>
        {save.isError ? (
          <Alert tone="error" title="That did not save" role="alert">
            {save.error.message}
          </Alert>
        ) : null}
        <div className="flex flex-wrap items-center gap-4 border-t border-slate-200 pt-6">
          <Button type="submit" disabled={!linked || save.isPending || save.isSuccess} className="px-6 py-3 text-base">
            {save.isPending || save.isSuccess ? "Saving…" : "Confirm and continue"} <span aria-hidden="true">→</span>
          </Button>
          <p className="text-sm text-slate-600">Next: a test push, to prove data reaches Sage 50.</p>
        </div>
      </form>
    </div>
  );
}

function CheckRow({ id, label, error, input }: { id: string; label: ReactNode; error?: string; input: UseFormRegisterReturn }) {
  return (
    <div>
      <div className="flex items-start gap-3">
        <input
          {...input}
          id={id}
          type="checkbox"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          className="mt-0.5 h-5 w-5 shrink-0 rounded border-slate-400 accent-brand-600"
        />
        <label htmlFor={id} className="text-slate-900">
          {label}
        </label>
      </div>
      {error ? (
        <p id={`${id}-error`} className="mt-1 pl-8 text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
