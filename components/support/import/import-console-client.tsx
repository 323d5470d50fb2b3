"use client";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import type { ImportResult } from "@/lib/import/import-companies";
import { importRequestSchema, type CandidatesQuery } from "@/lib/import/import-schema";
import type { LinkableCompaniesPage, LinkableCompany } from "@/lib/import/list-linkable-companies";
import { Card } from "@/components/ui/card";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, TextInput, describedBy } from "@/components/ui/field";
import { CandidatesTable } from "./candidates-table";
import { CandidatesPagination } from "./candidates-pagination";
import { CandidatesEmpty } from "./candidates-empty";
import { AddByIdForm } from "./add-by-id-form";
import { ImportProgressBar } from "./import-progress";
import { ImportResults } from "./import-results";
import { runImport, type ImportProgress } from "./run-import";

type Props = { list: LinkableCompaniesPage | null; query: CandidatesQuery; nowIso: string };

/**
 * The import console: tick companies on any page (the selection survives paging), or add one by its
 * Codat company ID, then invite them all; batches go to the server one after another with progress.
 */
export function ImportConsole({ list, query, nowIso }: Props) {
  const router = useRouter();
  const now = new Date(nowIso);
  const [selected, setSelected] = useState<Map<string, string | null>>(() => new Map());
  const [names, setNames] = useState<Map<string, string>>(() => new Map());
  const [emailError, setEmailError] = useState<string | undefined>();
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [results, setResults] = useState<ImportResult[]>([]);
  const [stopped, setStopped] = useState<string | null>(null);
  const [finishedRuns, setFinishedRuns] = useState(0);
  const resultsHeading = useRef<HTMLHeadingElement>(null);

  // After a run, focus moves to the results (once they are on screen), so keyboard and screen-reader
  // users land on the outcome.
  useEffect(() => {
    if (finishedRuns > 0) resultsHeading.current?.focus();
  }, [finishedRuns]);

  function toggle(company: LinkableCompany, on: boolean) {
    setSelected((prev) => {
      const next = new Map(prev);
      if (on) next.set(company.codatCompanyId, company.name);
      else next.delete(company.codatCompanyId);
      return next;
    });
  }

  function toggleAll(on: boolean) {
    setSelected((prev) => {
      const next = new Map(prev);
      for (const item of list?.items ?? []) {
        if (item.state !== "ready") continue;
        if (on) next.set(item.codatCompanyId, item.name);
        else next.delete(item.codatCompanyId);
      }
      return next;
    });
  }

  function addById(id: string): string {
    if (selected.has(id)) return "That company is already in the selection.";
    const known = list?.items.find((i) => i.codatCompanyId === id);
    setSelected((prev) => new Map(prev).set(id, known?.name ?? null));
    return `Added ${known?.name ?? id} to the selection.`;
  }

  async function invite(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (running || selected.size === 0) return;
    const contactEmail = String(new FormData(event.currentTarget).get("contactEmail") ?? "");
    const email = importRequestSchema.shape.contactEmail.safeParse(contactEmail);
    if (!email.success) {
      setEmailError(email.error.issues[0]?.message);
      return;
    }
    setEmailError(undefined);
    const ids = [...selected.keys()];
    const known = new Map(names);
    for (const [id, name] of selected) if (name) known.set(id, name);
    setNames(known);
    setRunning(true);
    setStopped(null);
    setResults([]);
    const run = await runImport(ids, {
      contactEmail: email.data ?? "",
      onProgress: (soFar, p) => {
        setResults(soFar);
        setProgress(p);
      },
    });
    setRunning(false);
    setStopped(run.stopped);
    const processed = new Set(run.results.map((r) => r.codatCompanyId));
    setSelected((prev) => new Map([...prev].filter(([id]) => !processed.has(id))));
    setFinishedRuns((n) => n + 1);
    router.refresh();
  }

  const count = selected.size;
  return (
    <div className="space-y-6">
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-4 lg:col-span-2">
          {list && list.items.length ? (
            <>
              <CandidatesTable items={list.items} now={now} selected={new Set(selected.keys())} disabled={running} onToggle={toggle} onToggleAll={toggleAll} />
              <CandidatesPagination query={query} list={list} />
            </>
          ) : list ? (
            <CandidatesEmpty query={query} total={list.total} />
          ) : null}
        </div>
        <div className="min-w-0 space-y-6">
          <Card>
            <h2 className="mb-3 text-lg font-semibold text-slate-900">Add by ID</h2>
            <AddByIdForm disabled={running} onAdd={addById} />
          </Card>
          <Card>
            <h2 className="text-lg font-semibold text-slate-900">Selected ({count})</h2>
            {count ? (
              <ul className="mt-3 max-h-64 space-y-1 overflow-y-auto text-sm" aria-label="Companies to invite">
                {[...selected].map(([id, name]) => (
                  <li key={id} className="flex items-center justify-between gap-2 rounded px-1 py-1 hover:bg-slate-50">
                    <span className="min-w-0">
                      <span className="block truncate font-medium text-slate-900">{name ?? "Entered by ID"}</span>
                      <span className="block truncate font-mono text-xs text-slate-600">{id}</span>
                    </span>
                    <Button
                      variant="ghost"
                      className="px-2 py-1 text-xs"
                      disabled={running}
                      onClick={() => setSelected((prev) => new Map([...prev].filter(([k]) => k !== id)))}
                      aria-label={`Remove ${name ?? id} from the selection`}
                    >
                      Remove
                    </Button>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="mt-2 text-sm text-slate-700">Tick companies in the table, on any page, or add one by its ID.</p>
            )}
            <form onSubmit={invite} noValidate className="mt-4 space-y-3">
              <Field id="import-email" label="Contact email (optional)" hint="Kept on every company of this batch." error={emailError}>
                <TextInput
                  id="import-email"
                  name="contactEmail"
                  type="email"
                  autoComplete="email"
                  disabled={running}
                  aria-invalid={emailError ? true : undefined}
                  aria-describedby={describedBy("import-email", { hint: true, error: emailError })}
                />
              </Field>
              <div className="flex flex-wrap gap-2">
                <Button type="submit" disabled={running || count === 0}>
                  {running ? "Inviting…" : `Invite selected (${count})`}
                </Button>
                {count && !running ? (
                  <Button variant="secondary" onClick={() => setSelected(new Map())}>
                    Clear selection
                  </Button>
                ) : null}
              </div>
            </form>
            {progress ? (
              <div className="mt-4">
                <ImportProgressBar progress={progress} running={running} />
              </div>
            ) : null}
          </Card>
        </div>
      </div>
      {stopped ? (
        <Alert tone="error" role="alert" title="The invitations stopped">
          {stopped}
        </Alert>
      ) : null}
      {results.length ? <ImportResults results={results} names={names} headingRef={resultsHeading} /> : null}
    </div>
  );
}
