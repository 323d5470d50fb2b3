"use client";
import Link from "next/link";
import { useRef, useState, type ReactNode, type RefObject } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { FOREIGN_TRADER_HELP_SLUG } from "@/lib/sage/help-slugs";
import type { WizardView } from "@/lib/setup/wizard-view";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { BulletList } from "@/components/ui/bullet-list";
import { InstructionList, Ui } from "./instruction-list";
import { AllSet } from "./all-set";
import { useWizardView } from "./use-wizard-view";
import type { ApiError } from "@/components/api/fetch-json";
import { setPush, setupQueryKey, type SetPushResponse } from "./wizard-api";

const FOREIGN_TRADER_REQUIRED = "Confirm that Foreign Trader is enabled in Sage 50 first.";

/**
 * Step 6: turn on data push, once the server says the test push worked (and Foreign Trader is on, if needed).
 * `foreignTraderFigure` is the picture for turning Foreign Trader on, drawn by the server.
 */
export function EnablePushPanel({ companyId, foreignTraderFigure }: { companyId: string; foreignTraderFigure: ReactNode }) {
  const client = useQueryClient();
  const { view } = useWizardView(companyId);
  const needsForeignTrader = view.foreignCurrency.needsForeignTrader;
  const [foreignTraderOn, setForeignTraderOn] = useState(view.progress.foreignTraderConfirmed);
  const [checkError, setCheckError] = useState<string | null>(null);
  const checkboxRef = useRef<HTMLInputElement>(null);
  const [justEnabled, setJustEnabled] = useState(false);

  const enable = useMutation<SetPushResponse, ApiError, void>({
    mutationFn: () => setPush(companyId, { enabled: true, ...(needsForeignTrader ? { foreignTraderConfirmed: foreignTraderOn } : {}) }),
    onSuccess: async (res) => {
      client.setQueryData<WizardView>(setupQueryKey(companyId), (old) => (old ? { ...old, company: { ...old.company, pushEnabled: res.pushEnabled } } : old));
      setJustEnabled(true);
      await client.invalidateQueries({ queryKey: setupQueryKey(companyId) });
    },
    onError: (error) => {
      if (error.code === "foreign_trader_unconfirmed") {
        setCheckError(error.message);
        checkboxRef.current?.focus();
      }
    },
  });

  if (view.company.pushEnabled) return <AllSet view={view} focusOnMount={justEnabled} />;

  const blockers = view.readiness.reasons.filter((r) => r.code === "test_push_required" || r.code === "connection_not_linked");
  const turnOn = () => {
    if (needsForeignTrader && !foreignTraderOn) {
      setCheckError(FOREIGN_TRADER_REQUIRED);
      checkboxRef.current?.focus();
      return;
    }
    setCheckError(null);
    enable.mutate();
  };

  return (
    <div className="space-y-8">
      {blockers.length > 0 ? (
        <Alert tone="warning" title="Not yet: data push needs a test push that worked">
          <ul className="list-disc space-y-1 pl-5">
            {blockers.map((b) => (
              <li key={b.code}>{b.message}</li>
            ))}
          </ul>
          <p className="mt-3">
            <Link href="/setup/test-push" className="font-semibold underline underline-offset-2">
              Back to the test push
            </Link>
          </p>
        </Alert>
      ) : (
        <TestPushPassed view={view} />
      )}

      <BulletList
        level={2}
        title="What turning it on means"
        items={[
          `${view.integratorName} may write data into ${view.company.connection.reportedCompanyName ?? view.company.name} in Sage 50.`,
          "Data goes only through the connector on your PC, logged in as the push user, never through anyone's everyday login.",
          "You can turn it off again at any time on the connection health page.",
        ]}
      />

      {needsForeignTrader ? (
        <ForeignTrader view={view} figure={foreignTraderFigure} checked={foreignTraderOn} error={checkError} checkboxRef={checkboxRef} onChange={(on) => {
          setForeignTraderOn(on);
          if (on) setCheckError(null);
        }} />
      ) : null}

      {enable.isError && enable.error.code !== "foreign_trader_unconfirmed" ? (
        <Alert tone="error" title="Data push is still off" role="alert">
          <p>{enable.error.message}</p>
          {enable.error.code === "test_push_required" || enable.error.code === "connection_not_linked" ? (
            <p className="mt-2">
              <Link href="/setup/test-push" className="font-semibold underline underline-offset-2">
                Back to the test push
              </Link>
            </p>
          ) : null}
        </Alert>
      ) : null}

      <div className="flex flex-wrap items-center gap-4 border-t border-slate-200 pt-6">
        <Button onClick={turnOn} disabled={blockers.length > 0 || enable.isPending} className="px-8 py-3.5 text-lg">
          {enable.isPending ? "Turning on…" : "Turn on data push"}
        </Button>
      </div>
    </div>
  );
}

function TestPushPassed({ view }: { view: WizardView }) {
  const push = view.latestTestPush;
  return (
    <div className="flex items-start gap-3 rounded-xl border border-emerald-600/40 bg-emerald-50 p-5 text-emerald-950">
      <svg aria-hidden="true" viewBox="0 0 20 20" width="22" height="22" className="mt-0.5 shrink-0 text-emerald-700" fill="none" stroke="currentColor" strokeWidth="2.6" strokeLinecap="round" strokeLinejoin="round">
        <path d="M4 10.5l4 4 8-9" />
      </svg>
      <div>
        <p className="font-semibold">The test push worked on your current connection.</p>
        {push ? (
          <p className="mt-1 text-sm">
            Test supplier <span className="font-mono font-semibold">{push.supplierRef}</span> reached{" "}
            {view.company.connection.reportedCompanyName ?? view.company.name}.
          </p>
        ) : null}
      </div>
    </div>
  );
}

function ForeignTrader({
  view,
  figure,
  checked,
  error,
  checkboxRef,
  onChange,
}: {
  view: WizardView;
  figure: ReactNode;
  checked: boolean;
  error: string | null;
  checkboxRef: RefObject<HTMLInputElement | null>;
  onChange: (on: boolean) => void;
}) {
  const currencies = view.foreignCurrency.foreignCurrencies.join(", ");
  const base = view.company.connection.baseCurrency;
  return (
    <section aria-labelledby="foreign-trader-heading" className="space-y-5 rounded-xl border border-amber-600/40 bg-amber-50/60 p-5 sm:p-6">
      <div>
        <h2 id="foreign-trader-heading" className="text-lg font-bold text-slate-900">
          Turn on Foreign Trader in Sage 50
        </h2>
        <p className="mt-1 text-slate-800">
          {view.integratorName} will send data in {currencies}
          {base ? `, and this company's own currency is ${base}` : ""}. Without Foreign Trader, bills in another currency are saved
          but no payment can be recorded against them.
        </p>
      </div>
      <InstructionList
        label="Turn on Foreign Trader"
        items={[
          {
            id: "activate",
            title: (
              <>
                In Sage 50, go to <Ui>Tools</Ui> &gt; <Ui>Activation</Ui> &gt; <Ui>Enable Foreign Trader</Ui>.
              </>
            ),
            body: <p>It is included in Sage 50 Professional and a paid add-on in other editions.</p>,
            figure,
          },
          {
            id: "currencies",
            title: (
              <>
                Set up {currencies} under <Ui>Settings</Ui> &gt; <Ui>Currencies</Ui>.
              </>
            ),
          },
        ]}
      />
      <div className="rounded-lg border border-slate-300 bg-white p-4">
        <div className="flex items-start gap-3">
          <input
            ref={checkboxRef}
            id="foreign-trader-on"
            type="checkbox"
            checked={checked}
            onChange={(e) => onChange(e.target.checked)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "foreign-trader-error" : undefined}
            className="mt-0.5 h-5 w-5 shrink-0 accent-brand-600"
          />
          <label htmlFor="foreign-trader-on" className="font-semibold text-slate-900">
            Foreign Trader is enabled
          </label>
        </div>
        {error ? (
          <p id="foreign-trader-error" className="mt-1 pl-8 text-sm font-medium text-red-700">
            {error}
          </p>
        ) : null}
      </div>
      <p className="text-sm">
        <Link href={`/help/${FOREIGN_TRADER_HELP_SLUG}`} className="font-semibold text-brand-700 underline underline-offset-2">
          More about Foreign Trader
        </Link>
      </p>
    </section>
  );
}

