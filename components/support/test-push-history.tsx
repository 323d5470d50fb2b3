import Link from "next/link";
import type { CompanyDetail } from "@/lib/support/load-company-detail";
import { Card } from "@/components/ui/card";
import { TestPushBadge } from "./status-badges";
import { formatDateTime, formatElapsed } from "./format";
import { CodatEvidenceBlock } from "./codat-evidence";

type Push = CompanyDetail["testPushes"][number];

const STARTED_BY: Record<Push["startedBy"], string> = { client: "Client", staff: "Staff", system: "System" };

/** Every recent test push, newest first, each with its diagnosis and its help page. */
export function TestPushHistory({ pushes }: { pushes: Push[] }) {
  return (
    <Card>
      <h2 className="text-lg font-bold text-slate-900">Test pushes</h2>
      {pushes.length === 0 ? (
        <p className="mt-3 text-sm text-slate-700">No test push has been run for this company yet.</p>
      ) : (
        <div role="region" aria-labelledby="test-push-caption" tabIndex={0} className="mt-3 overflow-x-auto">
          <table className="w-full min-w-[40rem] border-collapse text-left text-sm">
            <caption id="test-push-caption" className="sr-only">
              Test pushes, newest first
            </caption>
            <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-700">
              <tr>
                <th scope="col" className="py-2 pr-4 font-semibold">Started</th>
                <th scope="col" className="py-2 pr-4 font-semibold">Outcome</th>
                <th scope="col" className="py-2 pr-4 font-semibold">Diagnosis</th>
                <th scope="col" className="py-2 font-semibold">By</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {pushes.map((p) => (
                <tr key={p.id} className="align-top">
                  <td className="py-3 pr-4">
                    {formatDateTime(p.startedAt)}
                    <span className="block text-xs text-slate-600">
                      {p.completedAt ? `took ${formatElapsed(p.elapsedMs)}` : `running for ${formatElapsed(p.elapsedMs)}`}
                    </span>
                  </td>
                  <td className="py-3 pr-4">
                    <TestPushBadge status={p.status} />
                    {p.onCurrentConnection ? null : <span className="mt-1 block text-xs text-slate-600">Earlier connection</span>}
                    {p.followingUntil ? (
                      <span className="mt-1 block text-xs text-slate-600">Still asking Codat until {formatDateTime(p.followingUntil)}</span>
                    ) : null}
                  </td>
                  <td className="py-3 pr-4">
                    <Link href={`/help/${p.diagnosis.helpSlug}`} className="font-medium text-brand-700 underline">
                      {p.diagnosis.title}
                    </Link>
                    {p.diagnosis.confidence === "certain" ? null : (
                      <span className="mt-1 block text-xs text-slate-700">
                        {p.diagnosis.confidence === "likely" ? "Likely" : "No cause recognised"}
                        {p.diagnosis.candidates.length > 0 ? `; also check: ${p.diagnosis.candidates.map((c) => c.title).join("; ")}` : ""}
                      </span>
                    )}
                    {p.errorMessage ? <span className="mt-1 block break-words text-xs text-slate-700">“{p.errorMessage}”</span> : null}
                    <span className="mt-1 block break-all text-xs text-slate-600">Supplier {p.supplierName}</span>
                    {p.evidence ? <CodatEvidenceBlock evidence={p.evidence} /> : null}
                  </td>
                  <td className="py-3 text-slate-800">{p.startedByName ?? STARTED_BY[p.startedBy]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
