import Link from "next/link";
import type { Ref } from "react";
import type { ImportResult } from "@/lib/import/import-companies";
import { Badge } from "@/components/ui/badge";
import { CopyButton } from "../copy-button";
import { formatDateTime } from "../format";

type Invited = Extract<ImportResult, { ok: true }>;
type Refused = Extract<ImportResult, { ok: false }>;

/** Each company's outcome: the setup link and short code to send (shown once), or why it was refused. */
export function ImportResults({
  results,
  names,
  headingRef,
}: {
  results: ImportResult[];
  names: ReadonlyMap<string, string>;
  headingRef?: Ref<HTMLHeadingElement>;
}) {
  const invited = results.filter((r): r is Invited => r.ok);
  const refused = results.filter((r): r is Refused => !r.ok);
  return (
    <section aria-labelledby="import-results-heading" className="space-y-5">
      <h2 id="import-results-heading" ref={headingRef} tabIndex={-1} className="text-lg font-semibold text-slate-900">
        Results
      </h2>
      {invited.length ? (
        <div className="space-y-3">
          <h3 className="font-semibold text-emerald-900">Invited ({invited.length})</h3>
          <p className="text-sm text-slate-700">
            Send each client its link or short code now: they are shown only once (support can renew a link later from the company's page).
          </p>
          <ul className="space-y-3">
            {invited.map((r) => (
              <InvitedItem key={r.codatCompanyId} result={r} />
            ))}
          </ul>
        </div>
      ) : null}
      {refused.length ? (
        <div className="space-y-3">
          <h3 className="font-semibold text-red-900">Refused ({refused.length})</h3>
          <ul className="space-y-2">
            {refused.map((r) => (
              <RefusedItem key={r.codatCompanyId} result={r} name={names.get(r.codatCompanyId)} />
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

function InvitedItem({ result }: { result: Invited }) {
  const { company, setupLink } = result;
  const mismatch = company.reportedCompanyName && company.reportedCompanyName !== company.name;
  return (
    <li className="rounded-lg border border-emerald-600/30 bg-emerald-50 p-4 text-sm text-emerald-950" data-testid="import-invited">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <Link href={`/support/companies/${company.id}`} className="font-semibold text-brand-800 underline">
          {company.name}
        </Link>
        <span className="text-xs text-emerald-900">Valid until {formatDateTime(setupLink.expiresAt)}</span>
      </div>
      {company.reportedCompanyName ? (
        <p className="mt-1 text-xs text-emerald-900">
          Sage 50 company: {company.reportedCompanyName}
          {company.baseCurrency ? ` (${company.baseCurrency})` : ""}
          {mismatch ? " — differs from Codat's name; the wizard asks the client to confirm it." : ""}
        </p>
      ) : (
        <p className="mt-1 text-xs text-emerald-900">Sage 50 has not reported the company's name yet; the wizard shows it once it does.</p>
      )}
      <div className="mt-3 grid gap-3 md:grid-cols-[1fr_auto]">
        <div className="min-w-0">
          <p className="font-semibold">Setup link</p>
          <p className="mt-1 break-all rounded bg-white px-2 py-1 font-mono text-xs text-slate-900" data-testid="import-setup-url">
            {setupLink.url}
          </p>
          <div className="mt-2">
            <CopyButton value={setupLink.url} label={`Copy link for ${company.name}`} />
          </div>
        </div>
        <div>
          <p className="font-semibold">Short code</p>
          <p className="mt-1 font-mono text-lg tracking-widest text-slate-900" data-testid="import-short-code">
            {setupLink.shortCode}
          </p>
          <div className="mt-2">
            <CopyButton value={setupLink.shortCode} label={`Copy code for ${company.name}`} />
          </div>
        </div>
      </div>
    </li>
  );
}

function RefusedItem({ result, name }: { result: Refused; name: string | undefined }) {
  return (
    <li className="rounded-lg border border-red-600/30 bg-red-50 p-3 text-sm text-red-950" data-testid="import-refused">
      <p className="flex flex-wrap items-center gap-2">
        <span className="font-semibold">{name ?? result.existing?.name ?? "Codat company"}</span>
        <span className="break-all font-mono text-xs">{result.codatCompanyId}</span>
        <Badge tone="error">{REFUSAL_LABELS[result.code] ?? "Not invited"}</Badge>
      </p>
      <p className="mt-1">{result.message}</p>
      {result.existing ? (
        <p className="mt-1">
          <Link href={`/support/companies/${result.existing.companyId}`} className="font-semibold text-brand-800 underline">
            Open {result.existing.name}
          </Link>
        </p>
      ) : null}
    </li>
  );
}

const REFUSAL_LABELS: Record<string, string> = {
  import_not_found: "Unknown ID",
  import_no_sage50: "No Sage 50 connection",
  import_not_linked: "Connector not linked",
  import_duplicate: "Already set up",
  codat_unavailable: "Codat not answering",
  codat_auth_failed: "Codat access refused",
  codat_not_found: "Missing at Codat",
  codat_conflict: "Codat not ready",
  codat_bad_request: "Codat refused",
  invalid_test_record: "Codat refused",
  rate_limited: "Codat busy",
  unauthorized: "Signed out",
  forbidden: "Not allowed",
};
