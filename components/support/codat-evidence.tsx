import type { CodatEvidence } from "@/lib/sage/codat-evidence";

type Item = NonNullable<CodatEvidence["validation"]>["errors"][number];

const itemText = (item: Item) => [item.validatorName, item.itemId].filter(Boolean).join(" / ") + (item.message ? `: ${item.message}` : "");

/**
 * What Codat said, for support: a compact list of its own fields, shown open under a push or a
 * timeline entry (`<details>`, so a long history stays readable). Support's eyes only.
 */
export function CodatEvidenceBlock({ evidence }: { evidence: CodatEvidence }) {
  const rows: [string, string][] = [];
  if (evidence.request) rows.push(["Request", evidence.request]);
  rows.push(["HTTP status", evidence.httpStatus === null ? "no answer" : String(evidence.httpStatus)]);
  if (evidence.pushStatus) rows.push(["Push status", evidence.pushStatus]);
  if (evidence.statusCode !== null && evidence.statusCode !== evidence.httpStatus) rows.push(["statusCode", String(evidence.statusCode)]);
  if (evidence.errorMessage) rows.push(["Message", evidence.errorMessage]);
  if (evidence.note) rows.push(["Note", evidence.note]);
  if (evidence.correlationId) rows.push(["Correlation ID", evidence.correlationId]);
  if (evidence.canBeRetried !== null) rows.push(["Can be retried", evidence.canBeRetried ? "yes" : "no"]);
  if (evidence.detailedErrorCode) rows.push(["Detailed error code", String(evidence.detailedErrorCode)]);
  const errors = evidence.validation?.errors ?? [];
  const warnings = evidence.validation?.warnings ?? [];
  return (
    <details className="mt-2 rounded border border-slate-200 bg-slate-50 px-3 py-2 text-xs text-slate-800" data-testid="codat-evidence">
      <summary className="cursor-pointer font-semibold text-slate-900">What Codat said</summary>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="font-medium text-slate-700">{label}</dt>
            <dd className="break-all font-mono">{value}</dd>
          </div>
        ))}
      </dl>
      {errors.length > 0 ? <ValidationList title="Validation errors" items={errors} /> : null}
      {warnings.length > 0 ? <ValidationList title="Validation warnings" items={warnings} /> : null}
    </details>
  );
}

function ValidationList({ title, items }: { title: string; items: Item[] }) {
  return (
    <>
      <p className="mt-2 font-medium text-slate-700">{title}</p>
      <ul className="ml-4 list-disc">
        {items.map((item, i) => (
          <li key={i} className="break-words">
            {itemText(item) || "(no message)"}
          </li>
        ))}
      </ul>
    </>
  );
}
